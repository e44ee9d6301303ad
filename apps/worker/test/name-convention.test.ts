// The tenant's name convention: persons whose source gives none are renamed by the next
// snapshot; a convention the source gives itself is kept.
import { describe, expect, it } from "vitest";
import type { TestClient } from "@idlife/api/testing";
import { fieldCopies, useFactories, waitFor, type FactoryTenant } from "@idlife/testing";

const ctx = useFactories({ worker: true });

const columns = ["Id", "Roepnaam", "Voorvoegsel", "Achternaam", "VoorvoegselPartner", "AchternaamPartner", "Conventie", "Contract", "Start"];
const mapping = {
  person: {
    ...fieldCopies({
      ExternalId: "Id",
      "Name.NickName": "Roepnaam",
      "Name.FamilyNamePrefix": "Voorvoegsel",
      "Name.FamilyName": "Achternaam",
      "Name.FamilyNamePartnerPrefix": "VoorvoegselPartner",
      "Name.FamilyNamePartner": "AchternaamPartner",
    }),
    "Name.Convention": { type: "complex", script: "return source.Conventie || null;" },
  },
  contract: fieldCopies({ ExternalId: "Contract", StartDate: "Start" }),
};

async function importRows(tenant: FactoryTenant, rows: string[]) {
  const source = await ctx.newSourceSystem(tenant, { name: "HR", columns, contractColumns: ["Contract", "Start"], mapping, thresholds: null });
  await ctx.importCsv(tenant, source, rows);
}

const names = async (client: TestClient) =>
  Object.fromEntries(((await client.get("/api/v1/persons?limit=100")).body.items as Array<{ externalId: string; displayName: string }>).map((person) => [person.externalId, person.displayName]));

describe("the tenant's name convention", () => {
  it("renames persons without a convention of their own after it changes, and keeps those with one", async () => {
    const tenant = await ctx.newTenant();
    const { client } = tenant;
    await importRows(tenant, ["1001;Anna;van den;Berg;de;Jong;;C1;2019-08-01", "1002;Eva;;Wit;van;Dam;BP;C2;2019-08-01"]);
    expect(await names(client)).toEqual({ "1001": "Anna van den Berg", "1002": "Eva Wit - van Dam" });

    expect((await client.patch("/api/v1/tenant", { settings: { nameConvention: "PB" } })).status).toBe(200);
    const renamed = await waitFor("the snapshot to rename Anna", async () => {
      const current = await names(client);
      return current["1001"] === "Anna van den Berg" ? undefined : current;
    });
    expect(renamed).toEqual({ "1001": "Anna de Jong - van den Berg", "1002": "Eva Wit - van Dam" });
  });
});
