import { describe, expect, it } from "vitest";
import { requestAccountAction, requestPermissionAction } from "@idlife/use-cases";
import { sweepTargetActions } from "../../src/targets/sweep-target-actions.ts";
import { requestedBy, seedPerson, seedTargetSystem, useEngineTest } from "./engine-test-support.ts";

// What a request refuses, and the sweeper that gives work without a run its run back.
const test = useEngineTest();
const settings = { directoryKind: "ldap", url: "ldap://127.0.0.1:1", bindDn: "cn=admin", baseDn: "dc=example,dc=test" };

describe("requests", () => {
  it("refuses a grant without an account, a change without an account, and bad input, with what to do", async () => {
    const { tenantId, db } = await test.newTenant();
    const system = await seedTargetSystem(test, tenantId, { connectorType: "ldap", settings, fieldMapping: [] });
    const person = await seedPerson(test.owner, tenantId, { externalId: "8001", givenName: "Rex", familyName: "Refused" });
    const permission = await test.owner.targetPermission.create({ data: { tenantId, targetSystemId: system.id, reference: "cn=Staff", displayName: "Staff", kind: "group" } });
    const deps = { db, jobs: test.jobs };
    await expect(requestPermissionAction(deps, { targetSystemId: system.id, personId: person.id, permissionId: permission.id, action: "grant", requestedBy })).rejects.toThrow(
      /has no account in '.+'; create the account first, then grant 'Staff'/,
    );
    await expect(requestAccountAction(deps, { targetSystemId: system.id, personId: person.id, action: "enable", requestedBy })).rejects.toThrow(/has no account in '.+'; create it first/);
    await expect(requestAccountAction(deps, { targetSystemId: system.id, personId: person.id, action: "rename" as never, requestedBy })).rejects.toThrow(/action: Invalid option/);
    // Once the create is planned, a grant may wait behind it.
    await requestAccountAction(deps, { targetSystemId: system.id, personId: person.id, action: "create", requestedBy });
    const grant = await requestPermissionAction(deps, { targetSystemId: system.id, personId: person.id, permissionId: permission.id, action: "grant", requestedBy });
    expect(grant).toMatchObject({ kind: "grant_permission", state: "planned", personId: person.id });
    // Another tenant's system is not found.
    const other = await test.newTenant();
    await expect(requestAccountAction({ db: other.db, jobs: test.jobs }, { targetSystemId: system.id, personId: person.id, action: "create", requestedBy })).rejects.toThrow(/target system was not found/);
  });
});

describe("the sweeper", () => {
  it("asks for a run of systems whose due or stale work has no job", async () => {
    const { tenantId } = await test.newTenant();
    const system = await seedTargetSystem(test, tenantId, { connectorType: "ldap", settings, fieldMapping: [] });
    const person = await seedPerson(test.owner, tenantId, { externalId: "8101", givenName: "Sid", familyName: "Swept" });
    const longAgo = new Date(Date.now() - 10 * 60_000);
    await test.owner.targetAction.create({ data: { tenantId, targetSystemId: system.id, personId: person.id, kind: "create_account", idempotencyKey: "lost", runAfter: longAgo, state: "running", startedAt: longAgo } });
    const queued = async () => (await test.jobs.queue("enforce").getJobs(["waiting", "delayed"])).filter((job) => job.data.targetSystemId === system.id);
    expect(await queued()).toEqual([]);
    const woken = await sweepTargetActions({ prisma: test.owner, producer: test.jobs, graceMs: 120_000, staleAfterMs: 60_000 });
    expect(woken).toContainEqual({ tenantId, targetSystemId: system.id });
    expect(await queued()).toHaveLength(1);
  });
});
