// A source record belongs to its source system: records of two systems become one person only by
// aggregation, never because both systems happen to use the same employee number.
import { readdir, readFile } from "node:fs/promises";
import pg from "pg";
import { describe, expect, it } from "vitest";
import type { TestClient } from "@idlife/api/testing";
import { personsOf, runFullSnapshot, type ListedPerson, useFactories } from "@idlife/testing";

const ctx = useFactories({ worker: true });

type Contract = { ExternalId: string; StartDate: string | null; EndDate: string | null };
type PersonDetail = { externalId: string; displayName: string; status: string; sourceSystemIds: string[]; formerSince: string | null; noLongerDeliveredSince: string | null; data: { Contracts: Contract[] } };

const detailOf = async (client: TestClient, person: ListedPerson) => (await client.get(`/api/v1/persons/${person.id}`)).body as PersonDetail;
const contractsOf = (person: PersonDetail) => person.data.Contracts.map((contract) => `${contract.ExternalId}@${contract.StartDate}`).sort();
const named = (persons: ListedPerson[], displayName: string) => {
  const person = persons.find((candidate) => candidate.displayName === displayName);
  expect(person, `${displayName} among ${persons.map((candidate) => candidate.displayName).join(", ")}`).toBeDefined();
  return person!;
};

/** A tenant with the two CSV source systems of these tests: HR and the student system. */
async function tenantWithTwoSources() {
  const tenant = await ctx.newTenant();
  const hr = await ctx.newSourceSystem(tenant, { name: "HR" });
  const students = await ctx.newSourceSystem(tenant, { name: "Studenten" });
  return { tenant, client: tenant.client, hr, students };
}

describe("persons from two source systems", () => {
  it("keeps two different people with the same ExternalId in two sources apart, each with only their own contracts", async () => {
    const { tenant, client, hr, students } = await tenantWithTwoSources();
    await ctx.importCsv(tenant, hr, ["1001;Jan;de Vries;1980-05-17;C1;2019-08-01;;1;", "1001;Jan;de Vries;1980-05-17;C2;2021-01-01;;0.2;"]);
    // Another human who happens to have number 1001 in the student system, with a contract C1 of her own.
    await ctx.importCsv(tenant, students, ["1001;Sanne;Jansen;1999-09-09;C1;2024-08-26;;0;", "1001;Sanne;Jansen;1999-09-09;E7;2025-08-25;;0;"]);

    const persons = await personsOf(client);
    expect(persons).toHaveLength(2);
    const jan = await detailOf(client, named(persons, "Jan de Vries"));
    const sanne = await detailOf(client, named(persons, "Sanne Jansen"));
    expect(jan.sourceSystemIds).toEqual([hr.id]);
    expect(sanne.sourceSystemIds).toEqual([students.id]);
    expect(contractsOf(jan)).toEqual(["C1@2019-08-01", "C2@2021-01-01"]);
    expect(contractsOf(sanne)).toEqual(["C1@2024-08-26", "E7@2025-08-25"]);
    expect([jan.externalId, sanne.externalId]).toEqual(["1001", "1001-2"]);

    // A re-import of both changes nothing, and deciding everyone from scratch agrees.
    await ctx.importCsv(tenant, students, ["1001;Sanne;Jansen;1999-09-09;C1;2024-08-26;;0;", "1001;Sanne;Jansen;1999-09-09;E7;2025-08-25;;0;"]);
    expect(await runFullSnapshot(client)).toMatchObject({ status: "completed", mode: "full", counts: { persons: 2, added: 0, changed: 0, unchanged: 2 } });
  });

  it("still merges one human in two sources on an exact Aggregation match, keeping both sources' contracts", async () => {
    const { tenant, client, hr, students } = await tenantWithTwoSources();
    await ctx.importCsv(tenant, hr, ["1001;Jan;de Vries;1980-05-17;C1;2019-08-01;;1;"]);
    // The same Jan (same birth date and family name); the student system numbers its contracts C1 too.
    await ctx.importCsv(tenant, students, ["S-9;Jan;de Vries;1980-05-17;C1;2024-08-26;;0;"]);

    const persons = await personsOf(client);
    expect(persons).toHaveLength(1);
    const jan = await detailOf(client, persons[0]!);
    expect(jan.sourceSystemIds.sort()).toEqual([hr.id, students.id].sort());
    // Neither source's C1 replaces the other's.
    expect(jan.data.Contracts.map((contract) => contract.StartDate).sort()).toEqual(["2019-08-01", "2024-08-26"]);
    expect(new Set(jan.data.Contracts.map((contract) => contract.ExternalId)).size).toBe(2);
    expect(await runFullSnapshot(client)).toMatchObject({ status: "completed", counts: { persons: 1, added: 0, changed: 0, unchanged: 1 } });
  });
});

/** The part of the person_identity migration that splits persons, as it runs on an existing database. */
async function runSeparationMigration(databaseUrl: string) {
  const migrations = new URL("../../../prisma/migrations/", import.meta.url);
  const name = (await readdir(migrations)).find((entry) => entry.endsWith("_person_identity"))!;
  const sql = await readFile(new URL(`${name}/migration.sql`, migrations), "utf8");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`BEGIN; ${sql.slice(sql.indexOf("-- Records of two source systems"))} COMMIT;`);
  } finally {
    await client.end();
  }
}

describe("persons merged by a shared ExternalId before the fix", () => {
  it("are split by the migration, and the next import's snapshot gives each person only their own contracts", async () => {
    const { tenant, client, hr, students } = await tenantWithTwoSources();
    const { tenantId } = tenant;
    const sanneRows = ["1001;Sanne;Jansen;1999-09-09;C1;2024-08-26;;0;", "1001;Sanne;Jansen;1999-09-09;E7;2025-08-25;;0;"];
    await ctx.importCsv(tenant, hr, ["1001;Jan;de Vries;1980-05-17;C1;2019-08-01;;1;"]);
    await ctx.importCsv(tenant, students, sanneRows);

    // The state the old snapshot left: Sanne's record on Jan's person, which carries her E7 (her C1 dropped).
    const prisma = ctx.api.ownerPrisma;
    const jan = await prisma.person.findFirstOrThrow({ where: { tenantId, externalId: "1001" } });
    const sanneRecord = await prisma.personSource.findFirstOrThrow({ where: { tenantId, sourceSystemId: students.id } });
    await prisma.personSource.update({ where: { id: sanneRecord.id }, data: { personId: jan.id } });
    await prisma.person.deleteMany({ where: { tenantId, externalId: "1001-2" } });
    const janData = jan.data as { Contracts: Array<{ ExternalId: string; StartDate: string | null; EndDate: string | null }> };
    await prisma.person.update({
      where: { id: jan.id },
      data: { sourceSystemIds: [hr.id, students.id].sort(), data: { ...janData, Contracts: [...janData.Contracts, { ExternalId: "E7", StartDate: "2025-08-25", EndDate: null }] } },
    });

    await runSeparationMigration(ctx.api.database.ownerUrl);
    await ctx.importCsv(tenant, students, sanneRows);

    const persons = await personsOf(client);
    expect(persons).toHaveLength(2);
    const janNow = await detailOf(client, named(persons, "Jan de Vries"));
    const sanne = await detailOf(client, named(persons, "Sanne Jansen"));
    expect([janNow.externalId, janNow.sourceSystemIds, contractsOf(janNow)]).toEqual(["1001", [hr.id], ["C1@2019-08-01"]]);
    expect([sanne.externalId, sanne.sourceSystemIds, contractsOf(sanne)]).toEqual(["1001-2", [students.id], ["C1@2024-08-26", "E7@2025-08-25"]]);
    const history = (await client.get(`/api/v1/persons/${jan.id}/history`)).body as Array<{ field: string; newValue: { reason?: string } }>;
    expect(history.find((entry) => entry.field === "Separation")?.newValue.reason).toMatch(/^migration: records of two sources with the same ExternalId were one person/);
    expect(await runFullSnapshot(client)).toMatchObject({ status: "completed", counts: { persons: 2, changed: 0, added: 0 } });
  });
});

describe("former persons", () => {
  it("are former since their last contract ended, and no longer delivered since the import that dropped them", async () => {
    const tenant = await ctx.newTenant();
    const { client } = tenant;
    const hr = await ctx.newSourceSystem(tenant, { name: "HR" });
    await ctx.importCsv(tenant, hr, ["1001;Jan;de Vries;1980-05-17;C1;2019-08-01;2026-06-30;1;", "1002;Piet;Smit;1970-03-04;C2;2010-08-01;;1;", "1003;Anna;Visser;1995-01-01;C3;2025-01-01;;1;"]);
    const before = new Date();
    const second = await ctx.importCsv(tenant, hr, ["1003;Anna;Visser;1995-01-01;C3;2025-01-01;;1;"]);
    const after = new Date();

    const persons = await personsOf(client);
    const jan = await detailOf(client, named(persons, "Jan de Vries"));
    expect(jan.status).toBe("former");
    expect(jan.formerSince).toBe("2026-06-30");
    expect(jan.noLongerDeliveredSince).not.toBeNull();
    const droppedAt = new Date(jan.noLongerDeliveredSince!).getTime();
    expect(droppedAt).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect(droppedAt).toBeLessThanOrEqual(after.getTime() + 1000);
    expect(second.status).toBe("completed");

    // No end date on any contract: former since the day (on the tenant's calendar, Amsterdam by
    // default; not the UTC date, which is a day behind from 23:00 or 22:00 UTC) they were no
    // longer delivered.
    const piet = await detailOf(client, named(persons, "Piet Smit"));
    expect(piet.status).toBe("former");
    expect(piet.noLongerDeliveredSince).not.toBeNull();
    const amsterdamDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date(piet.noLongerDeliveredSince!));
    expect(piet.formerSince).toBe(amsterdamDay);

    const anna = await detailOf(client, named(persons, "Anna Visser"));
    expect(anna).toMatchObject({ status: "active", formerSince: null, noLongerDeliveredSince: null });
    expect(await runFullSnapshot(client)).toMatchObject({ status: "completed", counts: { changed: 0 } });
  });
});
