import { describe, expect, it } from "vitest";
import type { ChildProcess } from "node:child_process";
import { useSlapd } from "@idlife/testing/peers";
import { enqueueTargetRun } from "@idlife/use-cases";
import { startWorkerChild } from "../support.ts";
import { entriesUnder, newTenantWithOu, seedSlapdSystem, useEngineTest } from "./engine-test-support.ts";

// A worker killed with SIGKILL in the middle of 2,000 creates: after a restart every account
// exists exactly once in the directory and in the platform, and the audit shows each create once.
const slapd = useSlapd();
const test = useEngineTest();
const PERSONS = 2_000;

const until = async (what: string, check: () => Promise<boolean>, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe("a worker killed in the middle of a run", () => {
  it("leaves no account missing and none doubled after a restart", async () => {
    const { tenantId, base } = await newTenantWithOu(test, slapd.peer, "crash");
    // No correlation: a create whose outcome the crash made unknown is found by its reserved sAMAccountName.
    const system = await seedSlapdSystem(test, slapd.peer, tenantId, base, {
      concurrency: 4,
      fieldMapping: [
        { attribute: "cn", kind: "field", field: "DisplayName", actions: ["create"] },
        { attribute: "sn", kind: "field", field: "Name.FamilyName" },
        { attribute: "employeeID", kind: "field", field: "ExternalId", actions: ["create"] },
        { attribute: "sAMAccountName", kind: "field", field: "ExternalId", actions: ["create"], unique: { maxFallbacks: 5 } },
      ],
    });
    const persons = Array.from({ length: PERSONS }, (_, index) => {
      const externalId = `k${String(index).padStart(5, "0")}`;
      return { tenantId, externalId, displayName: `Person ${externalId}`, status: "active" as const, searchText: externalId, data: { ExternalId: externalId, DisplayName: `Person ${externalId}`, Name: { GivenName: "Person", FamilyName: externalId } } };
    });
    await test.owner.person.createMany({ data: persons });
    const ids = await test.owner.person.findMany({ where: { tenantId }, select: { id: true } });
    await test.owner.targetAction.createMany({
      data: ids.map(({ id }) => ({ tenantId, targetSystemId: system.id, personId: id, kind: "create_account" as const, idempotencyKey: `${system.id}:${id}:create`, payload: { subject: "account" }, requestedBy: { kind: "system" } })),
    });
    await enqueueTargetRun(test.jobs, tenantId, system.id);

    const env = {
      ...process.env,
      NODE_ENV: "test",
      DATABASE_URL: test.database.ownerUrl,
      APP_DATABASE_URL: test.database.appUrl,
      QUEUE_PREFIX: test.queuePrefix,
      SCHEDULES_ENABLED: "false",
      // Short locks: the killed worker's job (and its running rows) are taken over within seconds.
      WORKER_LOCK_DURATION_MS: "1500",
      WORKER_STALLED_INTERVAL_MS: "1000",
    };
    const succeeded = () => test.owner.targetAction.count({ where: { targetSystemId: system.id, state: "succeeded" } });
    let child: ChildProcess = startWorkerChild(env);
    try {
      await until("the first creates", async () => (await succeeded()) >= 300, 120_000);
      child.kill("SIGKILL");
      await new Promise((resolve) => child.once("exit", resolve));
      const running = await test.owner.targetAction.count({ where: { targetSystemId: system.id, state: "running" } });
      expect(await succeeded()).toBeLessThan(PERSONS);
      child = startWorkerChild(env);
      await until("every create", async () => (await test.owner.targetAction.count({ where: { targetSystemId: system.id, state: { in: ["planned", "running"] } } })) === 0, 240_000);
      // The kill did cut actions off in the middle (rows left running), or the test proves nothing.
      expect(running).toBeGreaterThan(0);
    } finally {
      child.kill("SIGKILL");
    }

    expect(await test.owner.targetAction.groupBy({ by: ["state"], where: { targetSystemId: system.id }, _count: true })).toEqual([{ state: "succeeded", _count: PERSONS }]);
    const entries = await entriesUnder(slapd.peer, base);
    expect(entries).toHaveLength(PERSONS);
    expect(new Set(entries.map((entry) => entry.employeeID)).size).toBe(PERSONS);
    const accounts = await test.owner.targetAccount.findMany({ where: { targetSystemId: system.id } });
    expect(accounts).toHaveLength(PERSONS);
    expect(new Set(accounts.map((account) => account.reference)).size).toBe(PERSONS);
    const audit = await test.owner.auditEntry.groupBy({ by: ["targetId"], where: { tenantId, action: "target.create_account" }, _count: true });
    expect(audit).toHaveLength(PERSONS);
    expect(audit.every((entry) => entry._count === 1)).toBe(true);
  }, 400_000);
});
