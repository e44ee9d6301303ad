import { describe, expect, it } from "vitest";
import { useFactories } from "@idlife/testing";

const ctx = useFactories();

const minutesAgo = (minutes: number) => new Date(Date.UTC(2026, 10, 22, 12, 0) - minutes * 60_000);

/**
 * A tenant with known facts, arranged behind the API's back: persons of each status, blocked
 * source records, merge suggestions, and three source systems whose last imports completed with
 * blocked persons, failed, and wait for approval (each after an older import that completed).
 */
async function arrangeTenant(tenantId: string, label: string) {
  const prisma = ctx.api.ownerPrisma;
  const source = (name: string) => prisma.sourceSystem.create({ data: { tenantId, name: `${name} ${label}`, connectorType: "csv", settings: {} } });
  const hr = await source("HR");
  const students = await source("Students");
  const payroll = await source("Payroll");
  await source("Unused");
  const statuses = [...Array(5).fill("active"), ...Array(3).fill("future"), ...Array(2).fill("former")] as Array<"active" | "future" | "former">;
  const persons: Array<{ id: string }> = [];
  for (const [index, status] of statuses.entries()) {
    const externalId = `${label}-${index}`;
    persons.push(await prisma.person.create({ data: { tenantId, externalId, displayName: externalId, status, data: {}, sourceSystemIds: [hr.id], searchText: externalId } }));
  }
  const record = (externalId: string, blockedReasons: string[] = [], delivered = true) =>
    prisma.personSource.create({ data: { tenantId, sourceSystemId: hr.id, externalId, blockedReasons, delivered, personId: persons[0]!.id } });
  const held = await record(`${label}-held`);
  await record(`${label}-b1`, ["Name.Initials: the script threw"]);
  await record(`${label}-b2`, ["ExternalId is required"]);
  // No longer delivered: no longer blocked.
  await record(`${label}-gone`, ["ExternalId is required"], false);
  await prisma.mergeSuggestion.create({ data: { tenantId, personSourceId: held.id, candidatePersonId: persons[1]!.id, score: 95 } });
  await prisma.mergeSuggestion.create({ data: { tenantId, personSourceId: held.id, candidatePersonId: persons[2]!.id, score: 91, status: "rejected" } });

  const run = (sourceSystemId: string, minutes: number, data: Record<string, unknown>) =>
    prisma.import.create({ data: { tenantId, sourceSystemId, trigger: "manual", createdAt: minutesAgo(minutes + 1), finishedAt: minutesAgo(minutes), ...data } });
  const counts = { fetched: 60, added: 58, changed: 0, unchanged: 0, removed: 0, blocked: 2, mapped: 58 };
  for (const sourceSystemId of [hr.id, students.id, payroll.id]) await run(sourceSystemId, 600, { status: "completed", counts: { ...counts, added: 60, blocked: 0 } });
  const hrLast = await run(hr.id, 30, { status: "completed", counts });
  const studentsLast = await run(students.id, 20, { status: "failed", error: "column 'Id' is missing in line 1 of the upload" });
  const payrollLast = await run(payroll.id, 10, {
    status: "blocked",
    counts: { fetched: 60, added: 0, changed: 0, unchanged: 0, removed: 0, blocked: 60 },
    thresholdReport: { reasons: [{ message: "60 persons are blocked by the mapping (100% of 60 delivered); the limit is 10%" }] },
  });
  return { hr, students, payroll, hrLast, studentsLast, payrollLast };
}

describe("GET /dashboard", () => {
  it("answers with the tenant's facts in one request, and nothing of another tenant", async () => {
    const { tenantId, client } = await ctx.newTenant({ role: "auditor" });
    const mine = await arrangeTenant(tenantId, "mine");
    const other = await ctx.newTenant();
    await arrangeTenant(other.tenantId, "other");

    const response = await client.get("/api/v1/dashboard");
    expect(response.status, response.text).toBe(200);
    const dashboard = response.body;
    expect(dashboard.persons).toEqual({ active: 5, future: 3, former: 2, total: 10 });
    expect(dashboard.blockedPersons).toBe(2);
    expect(dashboard.openMergeSuggestions).toBe(1);
    expect(dashboard.sourceSystems.map((source: { name: string }) => source.name)).toEqual(["HR mine", "Payroll mine", "Students mine", "Unused mine"]);
    const byName = Object.fromEntries(dashboard.sourceSystems.map((source: { name: string }) => [source.name, source]));
    expect(byName["HR mine"]).toMatchObject({
      id: mine.hr.id,
      blockedPersons: 2,
      lastImport: { id: mine.hrLast.id, status: "completed", state: "completed_with_blocked", persons: { delivered: 60, added: 58, changed: 0, removed: 0, blocked: 2 }, finishedAt: minutesAgo(30).toISOString() },
    });
    expect(byName["Students mine"].lastImport).toMatchObject({ id: mine.studentsLast.id, state: "failed", persons: null });
    expect(byName["Payroll mine"].lastImport).toMatchObject({ id: mine.payrollLast.id, state: "blocked", persons: { added: 0, blocked: 60 } });
    expect(byName["Unused mine"]).toMatchObject({ blockedPersons: 0, lastImport: null });
    expect(dashboard.attention).toEqual([
      { sourceSystemId: mine.hr.id, sourceSystemName: "HR mine", importId: mine.hrLast.id, state: "completed_with_blocked", message: expect.stringMatching(/^2 blocked by the mapping/), at: minutesAgo(30).toISOString() },
      { sourceSystemId: mine.payroll.id, sourceSystemName: "Payroll mine", importId: mine.payrollLast.id, state: "blocked", message: expect.stringContaining("100% of 60 delivered"), at: minutesAgo(10).toISOString() },
      { sourceSystemId: mine.students.id, sourceSystemName: "Students mine", importId: mine.studentsLast.id, state: "failed", message: "column 'Id' is missing in line 1 of the upload", at: minutesAgo(20).toISOString() },
    ]);
  });

  it("an empty tenant has zeros, not errors", async () => {
    const { client } = await ctx.newTenant({ role: "operator" });
    const response = await client.get("/api/v1/dashboard");
    expect(response.status, response.text).toBe(200);
    expect(response.body).toEqual({ persons: { active: 0, future: 0, former: 0, total: 0 }, blockedPersons: 0, openMergeSuggestions: 0, sourceSystems: [], attention: [] });
  });

  it("needs a tenant member", async () => {
    const response = await ctx.api.client().get("/api/v1/dashboard");
    expect(response.status).toBe(401);
  });
});
