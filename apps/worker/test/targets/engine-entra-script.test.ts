// The engine with the HTTP-based connectors: Entra ID through the Graph test server (every request
// checked against Microsoft's published metadata, writes throttled) and a script connector that
// throws, returns malformed output or crashes V8.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useGraphServer } from "@idlife/testing/peers";
import { requestAccountAction } from "@idlife/use-cases";
import { requestedBy, runUntilIdle, seedPerson, seedTargetSystem, useEngineTest } from "./engine-test-support.ts";

const graph = useGraphServer({ writeLimit: { writes: 10, perSeconds: 2 } });
const test = useEngineTest();
const busyPolicy = { maxAttempts: 30, baseDelayMs: 200, maxDelayMs: 2_000 };

describe("the engine with Entra ID", () => {
  it("creates a throttled burst of accounts through Retry-After without losing or doubling one, every request valid for Graph", { timeout: 120_000 }, async () => {
    const { tenantId, db } = await test.newTenant();
    const server = graph.server;
    const from = server.requests.length;
    const stamp = randomBytes(3).toString("hex");
    const system = await seedTargetSystem(test, tenantId, {
      connectorType: "entra-id",
      settings: { tenantId: server.tenantId, clientId: server.clientId, graphUrl: server.url, tokenUrl: server.tokenUrl, usageLocation: "NL" },
      secrets: { clientSecret: server.clientSecret },
      passwordPolicy: { length: 16 },
      fieldMapping: [
        { attribute: "displayName", kind: "field", field: "DisplayName", actions: ["create", "update"] },
        { attribute: "givenName", kind: "field", field: "Name.GivenName" },
        { attribute: "surname", kind: "field", field: "Name.FamilyName" },
        { attribute: "mailNickname", kind: "complex", script: "return `p${person.ExternalId}`;", actions: ["create"] },
        { attribute: "userPrincipalName", kind: "complex", script: `return \`p\${person.ExternalId}@${server.domain}\`;`, actions: ["create"] },
        { attribute: "employeeId", kind: "field", field: "ExternalId", actions: ["create"] },
      ],
      correlation: { personField: "ExternalId", attribute: "employeeId" },
    });
    const persons = [];
    for (let index = 0; index < 25; index++) persons.push(await seedPerson(test.owner, tenantId, { externalId: `${stamp}${index}`, givenName: "Burst", familyName: `Person${index}` }));
    for (const person of persons) await requestAccountAction({ db, jobs: test.jobs }, { targetSystemId: system.id, personId: person.id, action: "create", requestedBy });

    const totals = { succeeded: 0, retried: 0 };
    for (let round = 0; round < 60; round++) {
      const run = await runUntilIdle(test, tenantId, system.id, { busyPolicy });
      totals.succeeded += run.succeeded;
      totals.retried += run.retried;
      if ((await test.owner.targetAction.count({ where: { targetSystemId: system.id, state: { in: ["planned", "running"] } } })) === 0) break;
      // A paused system waits out Retry-After (the job would be delayed by as much).
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(await test.owner.targetAction.groupBy({ by: ["state"], where: { targetSystemId: system.id }, _count: true })).toEqual([{ state: "succeeded", _count: 25 }]);
    expect(totals.retried).toBeGreaterThan(0);
    const users = [...server.users.values()].filter((entry) => String(entry.properties.employeeId ?? "").startsWith(stamp));
    expect(users).toHaveLength(25);
    expect(await test.owner.targetAccount.count({ where: { targetSystemId: system.id, reference: { not: null } } })).toBe(25);
    // Graph refused nothing but the throttled writes (and lookups that found nobody).
    const refused = server.requests.slice(from).filter((request) => request.status >= 400 && request.status !== 404 && request.status !== 429);
    expect(refused.map((request) => `${request.method} ${request.path} ${request.status}`)).toEqual([]);
    expect(server.requests.slice(from).some((request) => request.status === 429)).toBe(true);
  });
});

describe("the engine with a script connector that fails", () => {
  const cases = [
    { name: "throws", body: `throw new Error("the HR app said no");`, message: "the HR app said no" },
    { name: "returns malformed output", body: `return { success: "yes", reference: 42 };`, message: "create" },
    { name: "crashes V8", body: `const grow = new Map(); for (let i = 0; ; i++) grow.set(i, "x".repeat(1000) + i);`, message: "The script's create()" },
  ];
  it("records each failure with its message in the audit log, grants nothing, and goes on serving", { timeout: 120_000 }, async () => {
    const { tenantId, db } = await test.newTenant();
    const script = `
      export async function create({ account }) {
        ${cases.map((entry, index) => `if (account.cn === "case${index}") { ${entry.body} }`).join("\n")}
        return { success: true, reference: "ref-" + account.cn, data: { cn: account.cn } };
      }
    `;
    const system = await seedTargetSystem(test, tenantId, {
      connectorType: "script",
      settings: { script, config: {}, allowedHosts: [], actionTimeoutMs: 5_000, memoryLimitMb: 64 },
      passwordPolicy: { generate: false },
      fieldMapping: [{ attribute: "cn", kind: "field", field: "ExternalId", actions: ["create"] }],
    });
    const persons = [];
    for (const index of [0, 1, 2, 3]) persons.push(await seedPerson(test.owner, tenantId, { externalId: `case${index}`, givenName: "Script", familyName: `Case${index}` }));
    for (const person of persons) await requestAccountAction({ db, jobs: test.jobs }, { targetSystemId: system.id, personId: person.id, action: "create", requestedBy });
    await runUntilIdle(test, tenantId, system.id);

    const actions = await test.owner.targetAction.findMany({ where: { targetSystemId: system.id }, include: {} });
    const byPerson = new Map(actions.map((action) => [action.personId, action]));
    for (const [index, entry] of cases.entries()) {
      const action = byPerson.get(persons[index]!.id)!;
      expect(action.state, entry.name).toBe("failed");
      expect(action.error, entry.name).toContain(entry.message);
      const audit = await test.owner.auditEntry.findFirst({ where: { tenantId, targetId: persons[index]!.id, action: { startsWith: "target." } } });
      expect(audit, entry.name).not.toBeNull();
      expect((audit!.after as { state: string; message: string }).state, entry.name).toBe("error");
      expect((audit!.after as { state: string; message: string }).message, entry.name).toContain(entry.message);
    }
    // Nothing recorded as granted for the failures; the fourth person, after them, got the account.
    expect(await test.owner.targetAccount.findMany({ where: { targetSystemId: system.id, reference: { not: null } }, select: { reference: true } })).toEqual([{ reference: "ref-case3" }]);
    expect(byPerson.get(persons[3]!.id)!.state).toBe("succeeded");
  });
});
