import { describe, expect, it } from "vitest";
import { fieldCopies, hrMapping, personsOf, useFactories, waitFor, type FactoryTenant } from "@idlife/testing";

const ctx = useFactories({ worker: true });

const columns = ["Id", "Roepnaam", "Achternaam", "Geboortedatum", "Contract", "Start", "Fte"];
// The HR layout's persons, with the given name in the Aggregation value too.
const mapping = {
  person: { ...hrMapping.person, Aggregation: { type: "complex", script: "return `${source.Geboortedatum}|${source.Achternaam.toLowerCase().replace(/\\s+/g, '')}|${source.Roepnaam.toLowerCase()}`;" } },
  contract: { ...fieldCopies({ ExternalId: "Contract", StartDate: "Start" }), "Details.Fte": hrMapping.contract["Details.Fte"] },
};

const source = (tenant: FactoryTenant, name: string) =>
  ctx.newSourceSystem(tenant, { name, columns, contractColumns: ["Contract", "Start", "Fte"], mapping, thresholds: { removed: { percent: 100 } } });

describe("aggregation: one human in two systems", () => {
  it("merges automatically on an exact single match, and holds a ~95% match back until accepted", async () => {
    const tenant = await ctx.newTenant();
    const { client } = tenant;
    const hr = await source(tenant, "HR");
    const students = await source(tenant, "Studenten");
    await ctx.importCsv(tenant, hr, ["1001;Jan;de Vries;1980-05-17;C1;2020-01-01;1", "1002;Sanne;Jansen;1990-02-03;C2;2020-01-01;1"]);
    // The same Jan (exact), and a Sanne whose family name is spelled slightly differently.
    await ctx.importCsv(tenant, students, ["S-9;Jan;de Vries;1980-05-17;E1;2024-08-26;0", "S-10;Sanne;Janssen;1990-02-03;E2;2024-08-26;0"]);

    const all = await personsOf(client);
    expect(all).toHaveLength(3);
    const jan = all.find((person) => person.externalId === "1001")!;
    expect(jan.sourceSystemIds.sort()).toEqual([hr.id, students.id].sort());
    const heldBack = all.find((person) => person.externalId === "S-10")!;
    expect(heldBack.pendingMerge).toBe(true);

    const suggestions = (await client.get("/api/v1/merge-suggestions")).body;
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0]).toMatchObject({ person: { externalId: "S-10" }, candidate: { externalId: "1002" } });
    expect(suggestions[0].score).toBeGreaterThanOrEqual(90);
    expect(suggestions[0].score).toBeLessThan(100);

    expect((await client.post(`/api/v1/merge-suggestions/${suggestions[0].id}/accept`)).status).toBe(200);
    const merged = await waitFor("the merge to be snapshotted", async () => {
      const list = await personsOf(client);
      return list.length === 2 && list.find((person) => person.externalId === "1002")?.sourceSystemIds.length === 2 ? list : undefined;
    });
    const sanne = merged.find((person) => person.externalId === "1002")!;
    expect(sanne.sourceSystemIds.sort()).toEqual([hr.id, students.id].sort());
    const detail = (await client.get(`/api/v1/persons/${sanne.id}`)).body;
    expect(detail.data.Contracts.map((contract: { ExternalId: string }) => contract.ExternalId).sort()).toEqual(["C2", "E2"]);
    const history = (await client.get(`/api/v1/persons/${sanne.id}/history`)).body;
    expect(history.some((entry: { cause: string }) => entry.cause === "merge")).toBe(true);
  });

  it("merges and unmerges by hand; an unmerged record is not merged back automatically", async () => {
    const tenant = await ctx.newTenant();
    const { client } = tenant;
    const hr = await source(tenant, "HR");
    const students = await source(tenant, "Studenten");
    await ctx.importCsv(tenant, hr, ["2001;Piet;Bakker;1975-01-01;C1;2020-01-01;1"]);
    await ctx.importCsv(tenant, students, ["T-1;Pieter;Bakkers;1985-06-06;E1;2024-08-26;0"]);
    let list = await personsOf(client);
    const a = list.find((person) => person.externalId === "2001")!;
    const b = list.find((person) => person.externalId === "T-1")!;
    expect((await client.post(`/api/v1/persons/${b.id}/merge`, { intoPersonId: a.id })).status).toBe(200);
    list = await waitFor("manual merge", async () => {
      const current = await personsOf(client);
      return current.length === 1 && current[0]!.sourceSystemIds.length === 2 ? current : undefined;
    });
    expect((await client.get(`/api/v1/persons/${a.id}`)).body.data.Contracts).toHaveLength(2);

    expect((await client.post(`/api/v1/persons/${a.id}/unmerge`, { sourceSystemId: students.id, sourceKey: "T-1" })).status).toBe(200);
    list = await waitFor("unmerge", async () => {
      const current = await personsOf(client);
      return current.length === 2 ? current : undefined;
    });
    expect(list.map((person) => person.externalId).sort()).toEqual(["2001", "T-1"]);
    // A later import of the same data keeps them apart.
    await ctx.importCsv(tenant, students, ["T-1;Pieter;Bakkers;1985-06-06;E1;2024-08-26;0"]);
    expect((await personsOf(client)).length).toBe(2);
  });
});
