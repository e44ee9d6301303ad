import { describe, expect, it } from "vitest";
import { freePort, useSlapd } from "@idlife/testing/peers";
import { previewAccount, requestAccountAction } from "@idlife/use-cases";
import { encryptSecrets } from "@idlife/db";
import { runTargetActions } from "../../src/targets/run-target-actions.ts";
import { entriesUnder, newTenantWithOu, requestedBy, runUntilIdle, seedPerson, seedSlapdSystem, useEngineTest } from "./engine-test-support.ts";

// A target that refuses connections is retried with backoff and then fails with a clear message,
// while another system's actions run; a preview writes nothing; a request asked twice is one row.
const slapd = useSlapd();
const test = useEngineTest();
const policy = { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 1_000 };

async function system(tenantId: string, url: string, base: string, name: string) {
  return seedSlapdSystem(test, slapd.peer, tenantId, base, {
    name,
    settings: { url },
    fieldMapping: [
      { attribute: "cn", kind: "field", field: "DisplayName", actions: ["create"] },
      { attribute: "sn", kind: "field", field: "Name.FamilyName" },
      { attribute: "employeeID", kind: "field", field: "ExternalId", actions: ["create"] },
    ],
  });
}

describe("a target that refuses connections", () => {
  it("pauses that system only, retries with backoff, then fails the action with a clear message", async () => {
    const { tenantId, db, base } = await newTenantWithOu(test, slapd.peer, "busy");
    const down = await system(tenantId, `ldap://127.0.0.1:${await freePort()}`, base, "Down directory");
    const up = await system(tenantId, slapd.peer.url, base, "Up directory");
    const person = await seedPerson(test.owner, tenantId, { externalId: "9001", givenName: "Rita", familyName: "Retry" });
    for (const target of [down, up]) await requestAccountAction({ db, jobs: test.jobs }, { targetSystemId: target.id, personId: person.id, action: "create", requestedBy });

    const deps = { prisma: test.app, secretsKey: test.secretsKey, jobs: test.jobs, busyPolicy: policy };
    const first = await runTargetActions(deps, { tenantId, targetSystemId: down.id });
    expect(first).toMatchObject({ claimed: 1, retried: 1, failed: 0 });
    const paused = await test.owner.targetSystem.findUniqueOrThrow({ where: { id: down.id } });
    expect(paused.pausedUntil!.getTime()).toBeGreaterThan(Date.now());
    expect(paused.pauseReason).toMatch(/cannot be reached/);
    const waiting = await test.owner.targetAction.findFirstOrThrow({ where: { targetSystemId: down.id } });
    expect(waiting).toMatchObject({ state: "planned", attempts: 1 });
    // While paused, its run does nothing; the other system's action runs meanwhile.
    expect(await runTargetActions(deps, { tenantId, targetSystemId: down.id })).toMatchObject({ claimed: 0, skipped: "paused" });
    expect((await runUntilIdle(test, tenantId, up.id)).succeeded).toBe(1);
    expect((await entriesUnder(slapd.peer, base)).map((entry) => entry.employeeID)).toEqual(["9001"]);
    // A paused system keeps a run in the queue (here still the request's own, which has not run in this test).
    const queued = await test.jobs.queue("enforce").getJobs(["waiting", "delayed"]);
    expect(queued.filter((job) => job.data.targetSystemId === down.id)).toHaveLength(1);

    // Each later attempt waits longer (200 ms, 400 ms, ...), the last one fails the action.
    const waits: number[] = [];
    for (let round = 0; round < 20; round++) {
      const row = await test.owner.targetAction.findFirstOrThrow({ where: { targetSystemId: down.id } });
      if (row.state === "failed") break;
      waits.push(row.runAfter.getTime() - (row.startedAt?.getTime() ?? 0));
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, row.runAfter.getTime() - Date.now()) + 20));
      await runTargetActions(deps, { tenantId, targetSystemId: down.id });
    }
    expect(waits[1]!).toBeGreaterThan(waits[0]!);
    const failed = await test.owner.targetAction.findFirstOrThrow({ where: { targetSystemId: down.id } });
    expect(failed.state).toBe("failed");
    expect(failed.attempts).toBe(3);
    expect(failed.error).toMatch(/^'Down directory' refused the action 3 times over \d+ seconds: the directory at ldap:\/\/127\.0\.0\.1:\d+ cannot be reached/);
    const audit = await test.owner.auditEntry.findFirstOrThrow({ where: { tenantId, action: "target.create_account", after: { path: ["targetSystemId"], equals: down.id } } });
    expect(audit.after).toMatchObject({ state: "error" });
  });
});

describe("a target that refuses the credentials", () => {
  it("fails the action at once with the directory's answer, not retried", async () => {
    const { tenantId, db, base } = await newTenantWithOu(test, slapd.peer, "creds");
    const target = await system(tenantId, slapd.peer.url, base, "Wrong password");
    await test.owner.targetSystem.update({ where: { id: target.id }, data: { secrets: encryptSecrets({ password: "not-the-password" }, test.secretsKey) } });
    const person = await seedPerson(test.owner, tenantId, { externalId: "9201", givenName: "Cid", familyName: "Creds" });
    await requestAccountAction({ db, jobs: test.jobs }, { targetSystemId: target.id, personId: person.id, action: "create", requestedBy });
    expect(await runUntilIdle(test, tenantId, target.id)).toMatchObject({ failed: 1, retried: 0 });
    const row = await test.owner.targetAction.findFirstOrThrow({ where: { targetSystemId: target.id } });
    expect(row.error).toMatch(/^Could not connect to 'Wrong password': .*(credentials|password)/i);
    expect(row.error).not.toContain("not-the-password");
    expect((await test.owner.targetSystem.findUniqueOrThrow({ where: { id: target.id } })).pausedUntil).toBeNull();
  });
});

describe("requests and previews", () => {
  it("the same request twice while the first is planned is one row; a preview writes nothing and reserves nothing", async () => {
    const { tenantId, db, base } = await newTenantWithOu(test, slapd.peer, "preview");
    const target = await system(tenantId, slapd.peer.url, base, "Directory");
    const person = await seedPerson(test.owner, tenantId, { externalId: "9101", givenName: "Pia", familyName: "Preview" });
    const request = () => requestAccountAction({ db, jobs: test.jobs }, { targetSystemId: target.id, personId: person.id, action: "create", requestedBy });
    const [one, two] = await Promise.all([request(), request()]);
    expect(two.id).toBe(one.id);
    expect(await test.owner.targetAction.count({ where: { tenantId } })).toBe(1);
    // Many requests, one waiting run of this system.
    const jobs = (await test.jobs.queue("enforce").getJobs(["waiting", "delayed"])).filter((job) => job.data.targetSystemId === target.id);
    expect(jobs).toHaveLength(1);

    const preview = await previewAccount({ db, secretsKey: test.secretsKey }, { targetSystemId: target.id, personId: person.id });
    expect(preview.actions).toEqual([{ action: "create", attributes: { cn: "Pia Preview", sn: "Preview", employeeID: "9101" }, container: null, errors: [] }]);
    expect(preview.correlation.status).toBe("not-configured");
    expect(await entriesUnder(slapd.peer, base)).toEqual([]);
    expect(await test.owner.targetReservedValue.count({ where: { tenantId } })).toBe(0);
    expect(await test.owner.targetAccount.count({ where: { tenantId } })).toBe(0);

    await runUntilIdle(test, tenantId, target.id);
    // Finished: asking again is a new action (refused here: the account exists now).
    await expect(request()).rejects.toThrow(/already has an account/);
  });
});

describe("fairness", () => {
  it("a run takes a bounded batch and queues its next run behind the work already waiting", async () => {
    const { tenantId, db, base } = await newTenantWithOu(test, slapd.peer, "fair");
    const busy = await system(tenantId, slapd.peer.url, base, "Big backlog");
    const other = await system(tenantId, slapd.peer.url, base, "One change");
    const persons = await Promise.all(Array.from({ length: 7 }, (_, index) => seedPerson(test.owner, tenantId, { externalId: `95${index}`, givenName: "Fay", familyName: `Fair${index}` })));
    for (const person of persons) await requestAccountAction({ db, jobs: test.jobs }, { targetSystemId: busy.id, personId: person.id, action: "create", requestedBy });
    await requestAccountAction({ db, jobs: test.jobs }, { targetSystemId: other.id, personId: persons[0]!.id, action: "create", requestedBy });
    const queue = test.jobs.queue("enforce");
    // The test plays the worker: the backlog's own job is taken off the queue and run with a batch of 3.
    const [waitingBusy] = (await queue.getJobs(["waiting"])).filter((job) => job.data.targetSystemId === busy.id);
    await waitingBusy!.remove();
    const summary = await runTargetActions({ prisma: test.app, secretsKey: test.secretsKey, jobs: test.jobs, batchSize: 3 }, { tenantId, targetSystemId: busy.id });
    expect(summary).toMatchObject({ claimed: 3, succeeded: 3 });
    expect(await test.owner.targetAction.count({ where: { targetSystemId: busy.id, state: "planned" } })).toBe(4);
    // Its next run waits behind the other system's, which was asked for earlier.
    const waiting = (await queue.getJobs(["waiting"], 0, -1, true)).filter((job) => job.data.tenantId === tenantId).map((job) => job.data.targetSystemId);
    expect(waiting).toEqual([other.id, busy.id]);
  });
});
