// The persons list: substring search (trigram index) and paging by cursor, stable while persons
// are added between pages.
import { beforeAll, describe, expect, it } from "vitest";
import { useFactories, type TestClient } from "@idlife/testing";

const ctx = useFactories();
let tenant: { tenantId: string; client: TestClient };
beforeAll(async () => {
  tenant = await ctx.newTenant();
});

async function addPerson(tenantId: string, index: number, displayName = `Person ${String(index).padStart(3, "0")}`) {
  const externalId = `E${String(index).padStart(5, "0")}`;
  const email = `p${index}@school.example`;
  await ctx.api.ownerPrisma.person.create({
    data: {
      tenantId,
      externalId,
      displayName,
      status: "active",
      data: { ExternalId: externalId, Contact: { Business: { Email: email } } },
      searchText: [displayName, externalId, email].join(" ").toLowerCase(),
    },
  });
}

describe("the persons list", () => {
  it("pages by cursor through every person exactly once while a person is added between pages", async () => {
    const { tenantId, client } = await ctx.newTenant();
    for (let index = 1; index <= 25; index++) await addPerson(tenantId, index);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `limit=10&cursor=${cursor}` : "limit=10";
      const page = await client.get(`/api/v1/persons?${query}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((person: { displayName: string }) => person.displayName));
      // Added after the first page, sorting before everything already shown: with offsets the
      // next page would repeat the last person of this one.
      if (pages === 0) await addPerson(tenantId, 100, "Aaron Added");
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, index) => `Person ${String(index + 1).padStart(3, "0")}`));
  });

  it("finds persons by part of their name, ExternalId or email", async () => {
    const { tenantId, client } = await ctx.newTenant();
    await addPerson(tenantId, 7, "Fatima el Amrani");
    await addPerson(tenantId, 8, "Jan de Vries");
    const names = async (search: string) => (await client.get(`/api/v1/persons?search=${encodeURIComponent(search)}`)).body.items.map((person: { displayName: string }) => person.displayName);
    expect(await names("amra")).toEqual(["Fatima el Amrani"]);
    expect(await names("E00008")).toEqual(["Jan de Vries"]);
    expect(await names("p7@school")).toEqual(["Fatima el Amrani"]);
    expect(await names("school.example")).toEqual(["Fatima el Amrani", "Jan de Vries"]);
  });

  it("refuses a cursor it did not give out, and cursor with offset, changing nothing", async () => {
    for (const query of ["cursor=not-a-cursor", `cursor=${Buffer.from('["x","y"]').toString("base64url")}`]) {
      const response = await tenant.client.get(`/api/v1/persons?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe("invalid_cursor");
    }
    const both = await tenant.client.get(`/api/v1/persons?offset=10&cursor=${Buffer.from('["x","00000000-0000-4000-8000-000000000000"]').toString("base64url")}`);
    expect(both.status).toBe(400);
    expect(both.body.error.code).toBe("invalid_paging");
  });
});
