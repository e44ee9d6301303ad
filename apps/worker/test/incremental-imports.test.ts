import { describe, expect, it } from "vitest";
import { byExternalId, personsOf, runFullSnapshot, snapshotOf, useFactories } from "@idlife/testing";

const ctx = useFactories({ worker: true });

describe("incremental imports", () => {
  it("decides only the persons whose records changed, and deciding everyone afterwards changes nothing", async () => {
    const tenant = await ctx.newTenant();
    const { client } = tenant;
    const hr = await ctx.newSourceSystem(tenant, { name: "HR" });
    const students = await ctx.newSourceSystem(tenant, { name: "Studenten" });
    await ctx.importCsv(tenant, hr, [
      "1000;Ingrid;Bakker;1960-01-01;C1000;2015-08-01;;1;",
      "1001;Jan;de Vries;1980-05-17;C1001;2019-08-01;;1;1000",
      // Fatima's manager 1005 joins only later.
      "1002;Fatima;el Amrani;1990-02-03;C1002;2020-08-01;;0.8;1005",
      "1003;Piet;Smit;1970-03-04;C1003;2010-08-01;;1;1000",
    ]);
    // The same Jan as in HR (exact aggregation match) and a student who is only a student.
    const studentImport = await ctx.importCsv(tenant, students, ["S-1;Jan;de Vries;1980-05-17;E1;2024-08-26;;0;", "S-2;Sanne;Jansen;1999-09-09;E2;2024-08-26;;0;"]);
    const studentSnapshot = await snapshotOf(client, studentImport.id);
    expect(studentSnapshot.mode).toBe("incremental");
    let persons = await personsOf(client);
    expect(persons).toHaveLength(5);
    expect(byExternalId(persons, "1001").sourceSystemIds.sort()).toEqual([hr.id, students.id].sort());

    // Karim (Fatima's manager) joins, Piet leaves, Jan is called Johan now, and Sanne starts
    // working in HR under her own staff number (she joins the student person by aggregation).
    const reimport = await ctx.importCsv(tenant, hr, [
      "1000;Ingrid;Bakker;1960-01-01;C1000;2015-08-01;;1;",
      "1001;Johan;de Vries;1980-05-17;C1001;2019-08-01;;1;1000",
      "1002;Fatima;el Amrani;1990-02-03;C1002;2020-08-01;;0.8;1005",
      "1005;Karim;Yilmaz;1985-06-07;C1005;2025-01-01;;1;1000",
      "1006;Sanne;Jansen;1999-09-09;C1006;2025-02-01;;0.4;1000",
    ]);
    // Only what changed was mapped again: Johan, Karim and Sanne (not Ingrid, not Fatima).
    expect(reimport.counts).toMatchObject({ fetched: 5, remapped: 3, added: 2, changed: 1, removed: 1, unchanged: 2 });
    const snapshot = await snapshotOf(client, reimport.id);
    expect(snapshot.status).toBe("completed");
    expect(snapshot.mode).toBe("incremental");
    // Johan, Piet, Karim, and the student person Sanne joined; not Ingrid, not Fatima.
    expect(snapshot.counts).toMatchObject({ persons: 6, considered: 4, added: 1, changed: 3, becameFormer: 1 });

    persons = await personsOf(client);
    expect(persons).toHaveLength(6);
    expect(byExternalId(persons, "1001").displayName).toBe("Johan de Vries");
    expect(byExternalId(persons, "1003").status).toBe("former");
    const sanne = byExternalId(persons, "S-2");
    expect(sanne.sourceSystemIds.sort()).toEqual([hr.id, students.id].sort());
    expect(persons.find((person) => person.externalId === "1006")).toBeUndefined();
    // Fatima was not decided again, yet her manager who joined now is linked to her.
    const fatima = (await client.get(`/api/v1/persons/${byExternalId(persons, "1002").id}`)).body;
    expect(fatima.managerPersonId).toBe(byExternalId(persons, "1005").id);

    // Deciding every person from scratch finds nothing the incremental snapshots missed.
    const done = await runFullSnapshot(client);
    expect(done).toMatchObject({ status: "completed", mode: "full", counts: { persons: 6, considered: 6, added: 0, changed: 0, becameFormer: 0, unchanged: 6 } });
  });

  it("stores only the raw records that changed, and keeps every import's raw data readable", async () => {
    const tenant = await ctx.newTenant();
    const { client } = tenant;
    const hr = await ctx.newSourceSystem(tenant, { name: "HR" });
    const first = await ctx.importCsv(tenant, hr, ["1000;Ingrid;Bakker;1960-01-01;C1000;2015-08-01;;1;", "1001;Jan;de Vries;1980-05-17;C1001;2019-08-01;;1;1000", "1003;Piet;Smit;1970-03-04;C1003;2010-08-01;;1;1000"]);
    const second = await ctx.importCsv(tenant, hr, ["1000;Ingrid;Bakker;1960-01-01;C1000;2015-08-01;;1;", "1001;Johan;de Vries;1980-05-17;C1001;2019-08-01;;1;1000", "1004;Anna;Visser;1995-01-01;C1004;2025-01-01;;1;1000"]);
    expect(second.counts).toMatchObject({ remapped: 2, unchanged: 1 });

    // The second import stored Johan and Anna, not Ingrid again.
    expect(await ctx.api.ownerPrisma.rawRecord.count({ where: { importId: second.id } })).toBe(2);

    const latest = (await client.get(`/api/v1/source-systems/${hr.id}/raw-records`)).body;
    expect(latest.importId).toBe(second.id);
    expect(latest.items.map((item: { sourceKey: string }) => item.sourceKey)).toEqual(["1000", "1001", "1004"]);
    expect(latest.items.find((item: { sourceKey: string }) => item.sourceKey === "1001").data.Roepnaam).toBe("Johan");

    const earlier = (await client.get(`/api/v1/source-systems/${hr.id}/raw-records?importId=${first.id}`)).body;
    expect(earlier.importId).toBe(first.id);
    expect(earlier.items.map((item: { sourceKey: string }) => item.sourceKey)).toEqual(["1000", "1001", "1003"]);
    expect(earlier.items.find((item: { sourceKey: string }) => item.sourceKey === "1001").data.Roepnaam).toBe("Jan");
    expect((await client.get(`/api/v1/source-systems/${hr.id}/raw-records?importId=${first.id}&search=johan`)).body.total).toBe(0);

    // Another source's import is not this source's raw data.
    const other = await ctx.newSourceSystem(tenant, { name: "Other" });
    expect((await client.get(`/api/v1/source-systems/${other.id}/raw-records?importId=${first.id}`)).status).toBe(404);
  });
});
