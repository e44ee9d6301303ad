// The date is an event: the daily tick (time handed in) evaluates and enforces without any import.
// A contract starting in 14 days gets its account now, disabled; access on the first day; an
// extension before the end cancels the revoke; the end disables; the account goes 30 days later;
// a person who returns gets the old account back, never a second one. Against a real slapd.
import { describe, expect, it } from "vitest";
import { useSlapd } from "@idlife/testing/peers";
import { enforceEvaluation, evaluatePersons } from "@idlife/use-cases";
import { personData, publishRule, seedContractPerson as seed, seedDirectorySystem } from "./rule-test-support.ts";
import { runDailyEvaluations } from "../../src/rules/daily-evaluation.ts";
import { entriesUnder, runUntilIdle, useEngineTest } from "../targets/engine-test-support.ts";

const slapd = useSlapd();
const test = useEngineTest();


describe("the daily tick", () => {
  it("follows each contract's life without an import: early account, first day, extension, end, delete, return", { timeout: 120_000 }, async () => {
    const { tenantId, db } = await test.newTenant();
    const { base, system } = await seedDirectorySystem(test, slapd.peer, tenantId, "life");
    // Two persons: any revoke is half of what is granted; this test is about timing, not the thresholds.
    await test.owner.targetSystem.update({ where: { id: system.id }, data: { thresholds: { windowHours: 24, limits: { "revoke:access": { percent: 100 }, "revoke:account": { percent: 100 } } } } });
    const starter = await seed(test.owner, tenantId, "5001", "Sanne Start", [{ id: "s1", start: "2026-12-18", end: "2027-06-30" }]);
    const leaver = await seed(test.owner, tenantId, "5002", "Lars Laat", [{ id: "l1", start: "2020-01-01", end: "2027-06-30" }]);
    await publishRule({ db, jobs: test.jobs }, {
      name: "Staff of school X",
      definition: {
        condition: { kind: "field", field: "Contract.Location.ExternalId", operator: "equals", value: "SCH-X" },
        entitlements: [{ kind: "account", targetSystemId: system.id }, { kind: "access", targetSystemId: system.id }],
        timing: { accountDaysBefore: 14, graceDays: 0, deleteAfterDays: 30 },
      },
    });

    // The tick at a time of day (UTC) in the tenant's zone; the worker would run the evaluation job, here the test does.
    const tick = async (at: string) => {
      const started = (await runDailyEvaluations({ prisma: test.app, jobs: test.jobs, now: new Date(at) })).filter((run) => run.tenantId === tenantId);
      for (const run of started) {
        await evaluatePersons({ db }, { evaluationId: run.evaluationId });
        await enforceEvaluation({ db, jobs: test.jobs }, { evaluationId: run.evaluationId });
        await runUntilIdle(test, tenantId, system.id);
      }
      return started.length;
    };
    const directory = async () => Object.fromEntries((await entriesUnder(slapd.peer, base)).map((user) => [String(user.cn), user.userAccountControl === "512" ? "enabled" : "disabled"]));

    expect(await tick("2026-12-04T07:00:00Z")).toBe(1);
    expect(await directory()).toEqual({ "Sanne Start": "disabled", "Lars Laat": "enabled" });
    // Once a day: the next hour's tick finds the day done.
    expect(await tick("2026-12-04T08:00:00Z")).toBe(0);
    expect(await tick("2026-12-17T07:00:00Z")).toBe(1);
    expect((await directory())["Sanne Start"]).toBe("disabled");
    expect(await tick("2026-12-18T07:00:00Z")).toBe(1);
    expect((await directory())["Sanne Start"]).toBe("enabled");

    // Sanne's contract is extended before its end; Lars's is not.
    await test.owner.person.update({ where: { id: starter.id }, data: { data: personData("5001", "Sanne Start", [{ id: "s1", start: "2026-12-18", end: "2028-06-30" }]) } });
    expect(await tick("2027-06-30T07:00:00Z")).toBe(1);
    expect(await directory()).toEqual({ "Sanne Start": "enabled", "Lars Laat": "enabled" });
    expect(await tick("2027-07-01T07:00:00Z")).toBe(1);
    expect(await directory()).toEqual({ "Sanne Start": "enabled", "Lars Laat": "disabled" });
    expect(await tick("2027-07-30T07:00:00Z")).toBe(1);
    expect(Object.keys(await directory()).sort()).toEqual(["Lars Laat", "Sanne Start"]);

    // Lars returns before his account is deleted: the same account, enabled again.
    const account = await test.owner.targetAccount.findFirstOrThrow({ where: { personId: leaver.id } });
    await test.owner.person.update({ where: { id: leaver.id }, data: { data: personData("5002", "Lars Laat", [{ id: "l2", start: "2027-07-30" }, { id: "l1", start: "2020-01-01", end: "2027-06-30" }]), primaryContractId: "l2" } });
    expect(await tick("2027-07-31T07:00:00Z")).toBe(1);
    expect(await directory()).toEqual({ "Sanne Start": "enabled", "Lars Laat": "enabled" });
    const accounts = await test.owner.targetAccount.findMany({ where: { personId: leaver.id } });
    expect(accounts.map((row) => [row.reference, row.deletedAt])).toEqual([[account.reference, null]]);

    // Sanne leaves for good after all: disabled at the end, deleted 30 days later.
    await test.owner.person.update({ where: { id: starter.id }, data: { data: personData("5001", "Sanne Start", [{ id: "s1", start: "2026-12-18", end: "2027-08-31" }]) } });
    expect(await tick("2027-09-01T07:00:00Z")).toBe(1);
    expect((await directory())["Sanne Start"]).toBe("disabled");
    expect(await tick("2027-09-30T07:00:00Z")).toBe(1);
    expect((await directory())["Sanne Start"]).toBe("disabled");
    expect(await tick("2027-10-01T07:00:00Z")).toBe(1);
    expect(await directory()).toEqual({ "Lars Laat": "enabled" });
  });
});
