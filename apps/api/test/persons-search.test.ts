// The persons list: substring search (trigram index, on the search text the snapshot writes) and
// paging by cursor, stable while persons are added between pages.
import { beforeAll, describe, expect, it } from "vitest";
import { fieldCopies, hrColumns, hrMapping, useFactories, type FactoryTenant } from "@idlife/testing";

const ctx = useFactories({ worker: true });
let tenant: FactoryTenant;
beforeAll(async () => {
  tenant = await ctx.newTenant();
});

/** Person number `index` of the HR layout with a business email, "Person 001" unless named. */
const personRow = (index: number, givenName = "Person", familyName = String(index).padStart(3, "0")) => ({
  Id: `E${String(index).padStart(5, "0")}`,
  Roepnaam: givenName,
  Achternaam: familyName,
  Geboortedatum: "1980-01-01",
  Contract: `C${index}`,
  Start: "2020-01-01",
  Fte: 1,
  Email: `p${index}@school.example`,
});

/** A tenant whose HR source delivers `rows`; `deliver` imports the source again with other rows. */
async function tenantWithPersons(rows: Array<ReturnType<typeof personRow>>) {
  const owned = await ctx.newTenant();
  const mapping = { ...hrMapping, person: { ...hrMapping.person, ...fieldCopies({ "Contact.Business.Email": "Email" }) } };
  const source = await ctx.newSourceSystem(owned, { columns: [...hrColumns, "Email"], mapping });
  const deliver = (delivered: typeof rows) => ctx.importCsv(owned, source, delivered);
  await deliver(rows);
  return { client: owned.client, deliver };
}

describe("the persons list", () => {
  it("pages by cursor through every person exactly once while a person is added between pages", async () => {
    const numbered = Array.from({ length: 25 }, (_, index) => personRow(index + 1));
    const { client, deliver } = await tenantWithPersons(numbered);
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
      if (pages === 0) await deliver([...numbered, personRow(100, "Aaron", "Added")]);
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    // The person added between pages is there, only not on the pages already being read.
    expect((await client.get("/api/v1/persons?search=aaron")).body.items).toHaveLength(1);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, index) => `Person ${String(index + 1).padStart(3, "0")}`));
  });

  it("finds persons by part of their name, ExternalId or email", async () => {
    const { client } = await tenantWithPersons([personRow(7, "Fatima", "el Amrani"), personRow(8, "Jan", "de Vries")]);
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
