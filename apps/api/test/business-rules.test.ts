// Business rules through the API: written as drafts, refused with reasons when wrong, simulated on
// the live persons (a plan, changing nothing), published only after the simulation and when the
// test cases pass; "why / why not" names the failed condition.
import { describe, expect, it } from "vitest";
import { useFactories, waitFor, type FactoryTenant } from "@idlife/testing";

const ctx = useFactories({ worker: true });
const TODAY = "2026-12-04";

async function arrangeTenant() {
  const tenant = await ctx.newTenant();
  const persons = await ctx.newPersons(tenant, [
    { externalId: "1001", familyName: "Jansen", contracts: [{ fte: 1 }] },
    { externalId: "1002", familyName: "Bakker", contracts: [{ fte: 0.4 }] },
    { externalId: "1003", familyName: "Visser", contracts: [{ fte: 0.8, startDate: "2026-12-14" }] },
    { externalId: "1004", familyName: "Smit", contracts: [{ fte: 1, endDate: "2026-09-30" }] },
  ]);
  // The target system and its group, as the target-system routes would store them.
  const system = await ctx.api.ownerPrisma.targetSystem.create({ data: { tenantId: tenant.tenantId, name: "AD", connectorType: "ldap" } });
  const group = await ctx.api.ownerPrisma.targetPermission.create({ data: { tenantId: tenant.tenantId, targetSystemId: system.id, reference: "CN=staff", displayName: "staff", kind: "group" } });
  return { tenant, persons: new Map(persons.map((person) => [person.externalId, person])), system, group };
}

const staffRule = (systemId: string, permissionId: string, testCases: unknown[] = []) => ({
  name: "Staff with at least half a job",
  definition: {
    condition: {
      kind: "all",
      conditions: [
        { kind: "field", field: "Contract.Details.Fte", operator: "greaterOrEqual", value: 0.5 },
        { kind: "not", condition: { kind: "field", field: "Contract.EndDate", operator: "moreThanDaysAgo", value: 30 } },
      ],
    },
    entitlements: [
      { kind: "account", targetSystemId: systemId },
      { kind: "access", targetSystemId: systemId },
      { kind: "permission", targetSystemId: systemId, permissionId },
    ],
    timing: { accountDaysBefore: 14 },
  },
  testCases,
});

async function evaluate(tenant: FactoryTenant, body: Record<string, unknown>) {
  const started = await tenant.client.post("/api/v1/evaluations", { today: TODAY, ...body });
  expect(started.status, started.text).toBe(202);
  const done = await waitFor("the evaluation", async () => {
    const run = (await tenant.client.get(`/api/v1/evaluations/${started.body.id}`)).body;
    return ["completed", "failed"].includes(run.status) ? run : undefined;
  });
  expect(done.status, JSON.stringify(done)).toBe("completed");
  const changes = (await tenant.client.get(`/api/v1/evaluations/${done.id}/changes?limit=500`)).body as Array<Record<string, any>>;
  return { evaluation: done, diff: changes.map((change) => `${change.personName}: ${change.action} ${change.type}`) };
}

describe("business rules", () => {
  it("refuse a rule naming a missing field, comparing a date with text or granting from a system that is gone, and keep nothing", async () => {
    const { tenant, system } = await arrangeTenant();
    const refused = await tenant.client.post("/api/v1/business-rules", {
      name: "Broken",
      definition: {
        condition: { kind: "all", conditions: [{ kind: "field", field: "Contract.Fte", operator: "equals", value: 1 }, { kind: "field", field: "Contract.StartDate", operator: "contains", value: "2026" }] },
        entitlements: [{ kind: "account", targetSystemId: system.id }, { kind: "account", targetSystemId: "00000000-0000-4000-8000-000000000000" }],
      },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe("invalid_rule");
    expect(refused.body.error.details.problems).toEqual([
      expect.stringContaining("'Contract.Fte' does not exist"),
      expect.stringContaining("is a date: 'contains' does not apply"),
      expect.stringContaining("entitlements.1: the target system 00000000-0000-4000-8000-000000000000 does not exist"),
    ]);
    expect((await tenant.client.get("/api/v1/business-rules")).body).toEqual([]);
  });

  it("simulate a draft as a diff of who gains what, enforce nothing before publishing, and publish only after a simulation with passing test cases", async () => {
    const { tenant, system, group } = await arrangeTenant();
    const created = await tenant.client.post("/api/v1/business-rules", staffRule(system.id, group.id, [{ name: "a full-timer", personExternalId: "1001", expect: "in-scope" }]));
    expect(created.status, created.text).toBe(201);
    expect(created.body.published).toBeNull();

    // The published rules want nothing yet: the draft is not enforced.
    expect((await evaluate(tenant, { mode: "published" })).diff).toEqual([]);

    const simulation = await evaluate(tenant, { mode: "simulation" });
    expect(simulation.diff.sort()).toEqual([
      "Given1001 Jansen: grant access",
      "Given1001 Jansen: grant account",
      "Given1001 Jansen: grant permission",
      // Starts in ten days: the account exists (disabled) 14 days before the start; access comes on the day.
      "Given1003 Visser: grant account",
    ]);
    expect(simulation.evaluation.counts.testCases).toEqual([expect.objectContaining({ name: "a full-timer", passed: true })]);
    const reasons = (await tenant.client.get(`/api/v1/evaluations/${simulation.evaluation.id}/changes?type=permission`)).body;
    expect(reasons[0].reasons).toEqual([{ ruleId: created.body.id, ruleName: "Staff with at least half a job", contracts: ["1001-1"] }]);
    // A simulation writes nothing to the targets' state.
    expect(await ctx.api.ownerPrisma.targetAction.count({ where: { tenantId: tenant.tenantId } })).toBe(0);

    // A test case the draft breaks refuses the publish; nothing is published.
    const broken = await tenant.client.patch(`/api/v1/business-rules/${created.body.id}`, { testCases: [{ name: "part-timer too", personExternalId: "1002", expect: "in-scope" }] });
    expect(broken.status, broken.text).toBe(200);
    const stale = await tenant.client.post(`/api/v1/business-rules/${created.body.id}/publish`, { simulationId: simulation.evaluation.id });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("simulation_required");
    const again = await evaluate(tenant, { mode: "simulation" });
    expect(again.evaluation.counts.testCases).toEqual([expect.objectContaining({ name: "part-timer too", passed: false })]);
    const refused = await tenant.client.post(`/api/v1/business-rules/${created.body.id}/publish`, { simulationId: again.evaluation.id });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("test_cases_failed");
    expect(refused.body.error.message).toContain("part-timer too");
    expect((await tenant.client.get(`/api/v1/business-rules/${created.body.id}`)).body.published).toBeNull();

    // Fixed test case, simulated, published: the published evaluation now wants what the simulation showed.
    await tenant.client.patch(`/api/v1/business-rules/${created.body.id}`, { testCases: [{ name: "part-timer not", personExternalId: "1002", expect: "not-in-scope" }] });
    const confirmed = await evaluate(tenant, { mode: "simulation" });
    const published = await tenant.client.post(`/api/v1/business-rules/${created.body.id}/publish`, { simulationId: confirmed.evaluation.id });
    expect(published.status, published.text).toBe(201);
    expect(published.body.published.version).toBe(1);
    expect(published.body.draft).toBeNull();
    expect((await evaluate(tenant, { mode: "published" })).diff.sort()).toEqual(simulation.diff.sort());
    const audit = (await tenant.client.get("/api/v1/audit-log?action=business_rule.publish")).body.items;
    expect(audit).toHaveLength(1);
  });

  it("say why a person is not in a rule's scope, naming the condition and the value", async () => {
    const { tenant, system, group, persons } = await arrangeTenant();
    const created = await tenant.client.post("/api/v1/business-rules", staffRule(system.id, group.id));
    const simulation = await evaluate(tenant, { mode: "simulation" });
    await tenant.client.post(`/api/v1/business-rules/${created.body.id}/publish`, { simulationId: simulation.evaluation.id });
    const report = await tenant.client.get(`/api/v1/persons/${persons.get("1002")!.id}/rules?today=${TODAY}`);
    expect(report.status, report.text).toBe(200);
    expect(report.body.rules).toEqual([
      expect.objectContaining({
        ruleName: "Staff with at least half a job",
        inScope: false,
        contracts: [{ contract: "1002-1", inScope: false, failed: [{ path: "conditions.0", text: "Contract.Details.Fte greaterOrEqual 0.5", actual: 0.4 }] }],
      }),
    ]);
    const leaver = await tenant.client.get(`/api/v1/persons/${persons.get("1004")!.id}/rules?today=${TODAY}`);
    expect(leaver.body.rules[0].contracts[0].failed).toEqual([expect.objectContaining({ path: "conditions.1", text: "not" })]);
  });

  it("keep each tenant's rules and evaluations to itself", async () => {
    const { tenant, system, group } = await arrangeTenant();
    const other = await ctx.newTenant();
    const created = await tenant.client.post("/api/v1/business-rules", staffRule(system.id, group.id));
    const { evaluation } = await evaluate(tenant, { mode: "simulation" });
    expect((await other.client.get(`/api/v1/business-rules/${created.body.id}`)).status).toBe(404);
    expect((await other.client.get(`/api/v1/evaluations/${evaluation.id}`)).status).toBe(404);
    expect((await other.client.get(`/api/v1/evaluations/${evaluation.id}/changes`)).status).toBe(404);
    // Another tenant's target system is as good as gone.
    const foreign = await other.client.post("/api/v1/business-rules", staffRule(system.id, group.id));
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.details.problems[0]).toContain("does not exist");
  });
});
