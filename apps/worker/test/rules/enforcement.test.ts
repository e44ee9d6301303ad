// Business rules enforced against a real directory (slapd, AD-shaped): the rule "employees of a
// school" grants the account, access and the school's group (a dynamic permission, created when
// missing); a move to another school grants the new group before the old one goes and moves the
// OU; an excluded person keeps everything; a hand-added membership survives; a feed change that
// would revoke most accounts is blocked by the threshold while an unrelated grant proceeds, and
// approving releases it.
import { describe, expect, it } from "vitest";
import { useSlapd } from "@idlife/testing/peers";
import { decideBlockedChanges, enforceEvaluation, evaluatePersons, liftHold, listEvaluationChanges, revokeNow, startEvaluation, type TenantScope } from "@idlife/use-cases";
import { personData, publishRule, seedContractPerson as seed, seedDirectorySystem } from "./rule-test-support.ts";
import { entriesUnder, newTenantWithOu, organizationalUnit, runUntilIdle, seedSlapdSystem, useEngineTest, withDirectory } from "../targets/engine-test-support.ts";

const slapd = useSlapd();
const test = useEngineTest();
const TODAY = "2026-12-04";


async function evaluateAndEnforce(db: TenantScope, personIds?: string[]) {
  const started = await startEvaluation({ db, jobs: test.jobs }, { mode: "published", today: TODAY, ...(personIds ? { personIds } : {}) });
  await evaluatePersons({ db }, { evaluationId: started.id });
  return { evaluationId: started.id, ...(await enforceEvaluation({ db, jobs: test.jobs }, { evaluationId: started.id })) };
}

const groupMembers = async (base: string, group: string) => {
  const [entry] = await entriesUnder(slapd.peer, base, `(cn=${group})`);
  const members = entry?.member;
  return (Array.isArray(members) ? members : members ? [members] : []).map(String).map((dn) => dn.split(",")[0]!.replace(/^cn=/i, "")).sort();
};

describe("business rules enforced in a directory", () => {
  it("grant account, access and the school's group, follow a move, leave the excluded and hand-made alone, and hold a mass revoke at the threshold", { timeout: 120_000 }, async () => {
    const { tenantId, db, base } = await newTenantWithOu(test, slapd.peer, "rules");
    const [ouX, ouY, groups] = await Promise.all([organizationalUnit(slapd.peer, "x", base), organizationalUnit(slapd.peer, "y", base), organizationalUnit(slapd.peer, "groups", base)]);
    const system = await seedSlapdSystem(test, slapd.peer, tenantId, base, {
      settings: { groupsBaseDn: groups },
      container: { kind: "field", field: "PrimaryContract.Location.ExternalId", lookup: { "SCH-X": ouX, "SCH-Y": ouY }, value: base },
      fieldMapping: [
        { attribute: "cn", kind: "field", field: "DisplayName", actions: ["create"] },
        { attribute: "sn", kind: "field", field: "Name.FamilyName" },
        { attribute: "sAMAccountName", kind: "field", field: "ExternalId", actions: ["create"], unique: { maxFallbacks: 3 } },
      ],
    });
    await test.owner.targetSystem.update({ where: { id: system.id }, data: { thresholds: { windowHours: 24, limits: { "revoke:account": { percent: 10 }, "revoke:access": { percent: 10 }, "revoke:permission": { percent: 30 } } } } });
    const anna = await seed(test.owner, tenantId, "2001", "Anna Smit", [{ id: "a1", school: "SCH-X" }]);
    const bram = await seed(test.owner, tenantId, "2002", "Bram Bos", [{ id: "b1", school: "SCH-X" }]);
    const cees = await seed(test.owner, tenantId, "2003", "Cees Kok", [{ id: "c1", school: "SCH-X" }]);
    const dirk = await seed(test.owner, tenantId, "2004", "Dirk Dam", [{ id: "d1", school: "SCH-X" }]);

    await publishRule({ db, jobs: test.jobs }, {
      name: "Employees of a school",
      definition: {
        condition: { kind: "field", field: "Contract.Location.ExternalId", operator: "startsWith", value: "SCH-" },
        entitlements: [
          { kind: "account", targetSystemId: system.id },
          { kind: "access", targetSystemId: system.id },
          { kind: "dynamic-permission", targetSystemId: system.id, nameTemplate: "school-{Contract.Location.ExternalId}-staff", create: true },
        ],
      },
    });

    // Joiners: account, access and the school's group (created in the directory when missing).
    const first = await evaluateAndEnforce(db);
    expect(first.blocked).toEqual([]);
    await runUntilIdle(test, tenantId, system.id);
    const users = await entriesUnder(slapd.peer, ouX);
    expect(users.map((user) => [user.cn, user.userAccountControl]).sort()).toEqual([["Anna Smit", "512"], ["Bram Bos", "512"], ["Cees Kok", "512"], ["Dirk Dam", "512"]]);
    expect(await groupMembers(groups, "school-SCH-X-staff")).toEqual(["Anna Smit", "Bram Bos", "Cees Kok", "Dirk Dam"]);
    const actions = await test.owner.targetAction.groupBy({ by: ["kind", "state"], where: { targetSystemId: system.id }, _count: true, orderBy: { kind: "asc" } });
    expect(actions).toEqual([
      { kind: "create_account", state: "succeeded", _count: 4 },
      { kind: "enable_account", state: "succeeded", _count: 4 },
      { kind: "grant_permission", state: "succeeded", _count: 4 },
    ]);

    // A membership added by hand (another group, made outside the platform) and an exclusion.
    await withDirectory(slapd.peer, async (client) => {
      await client.add(`cn=hand-made,${groups}`, { objectClass: ["top", "group", "extensibleObject"], cn: "hand-made", groupType: "-2147483646", member: [`cn=Anna Smit,${ouX}`], instanceType: "4", objectCategory: `CN=Group,CN=Schema,CN=Configuration,${slapd.peer.baseDn}`, nTSecurityDescriptor: "test-descriptor" });
    });
    await test.owner.personExclusion.create({ data: { tenantId, personId: dirk.id, reason: "Long-term leave, handled by hand" } });

    // Anna moves to school Y: Y's group granted before X's is revoked, the account moves to Y's OU.
    await test.owner.person.update({ where: { id: anna.id }, data: { data: personData("2001", "Anna Smit", [{ id: "a2", school: "SCH-Y", start: "2026-12-01" }, { id: "a1", school: "SCH-X", end: "2026-11-30" }]), primaryContractId: "a2" } });
    const move = await evaluateAndEnforce(db, [anna.id]);
    expect(move.blocked).toEqual([]);
    await runUntilIdle(test, tenantId, system.id);
    expect(await groupMembers(groups, "school-SCH-Y-staff")).toEqual(["Anna Smit"]);
    expect(await groupMembers(groups, "school-SCH-X-staff")).toEqual(["Bram Bos", "Cees Kok", "Dirk Dam"]);
    expect(await groupMembers(groups, "hand-made")).toEqual(["Anna Smit"]);
    expect((await entriesUnder(slapd.peer, ouY)).map((user) => user.cn)).toEqual(["Anna Smit"]);
    const annaActions = await test.owner.targetAction.findMany({ where: { personId: anna.id, kind: { in: ["grant_permission", "revoke_permission"] } }, orderBy: { finishedAt: "asc" } });
    expect(annaActions.map((action) => `${action.kind} ${action.state}`)).toEqual(["grant_permission succeeded", "grant_permission succeeded", "revoke_permission succeeded"]);

    // The feed loses school X for everyone (a broken export): 3 of 4 accounts would go. The 10%
    // threshold blocks the revokes; a joiner's grants proceed; the excluded person gets nothing.
    for (const person of [bram, cees, dirk]) await test.owner.person.update({ where: { id: person.id }, data: { data: personData(person.externalId, person.displayName, [{ id: "z", school: "UNKNOWN" }]) } });
    const eva = await seed(test.owner, tenantId, "2005", "Eva Vos", [{ id: "e1", school: "SCH-Y" }]);
    const broken = await evaluateAndEnforce(db);
    expect(broken.blocked.map((block) => block.key).sort()).toEqual(["revoke:account", "revoke:permission"]);
    expect(broken.blocked[0]!.reason).toContain("more than the maximum of 10%");
    await runUntilIdle(test, tenantId, system.id);
    expect((await entriesUnder(slapd.peer, ouX)).map((user) => user.cn).sort()).toEqual(["Bram Bos", "Cees Kok", "Dirk Dam"]);
    expect((await entriesUnder(slapd.peer, ouY)).map((user) => user.cn).sort()).toEqual(["Anna Smit", "Eva Vos"]);
    const blocked = await test.owner.evaluationChange.findMany({ where: { evaluationId: broken.evaluationId, state: "blocked" } });
    expect([...new Set(blocked.map((change) => change.personId))].sort()).toEqual([bram.id, cees.id].sort());
    // The plan read by state, as the administrator filters it: the held changes, and what went through.
    const page = { limit: 500, offset: 0 } as const;
    const held = await listEvaluationChanges({ db }, { evaluationId: broken.evaluationId, query: { ...page, state: "blocked" } });
    expect(held.map((change) => `${change.personName}: ${change.action} ${change.type}`).sort()).toEqual(blocked.map((change) => `${change.personId === bram.id ? "Bram Bos" : "Cees Kok"}: ${change.action} ${change.type}`).sort());
    const through = await listEvaluationChanges({ db }, { evaluationId: broken.evaluationId, query: { ...page, state: "enforced" } });
    expect(new Set(through.map((change) => change.personName))).toEqual(new Set(["Eva Vos"]));

    // Approving releases the held revokes once; Dirk (excluded) is never touched.
    await decideBlockedChanges({ db, jobs: test.jobs }, { evaluationId: broken.evaluationId, decision: "approve" });
    await runUntilIdle(test, tenantId, system.id);
    expect((await entriesUnder(slapd.peer, ouX)).map((user) => user.cn)).toEqual(["Dirk Dam"]);
    expect(await groupMembers(groups, "school-SCH-X-staff")).toEqual(["Dirk Dam"]);
    expect(await test.owner.evaluationChange.count({ where: { evaluationId: broken.evaluationId, personId: dirk.id } })).toBe(0);
  });

  it("discards blocked changes when told to: nothing reaches the directory", { timeout: 60_000 }, async () => {
    const { tenantId, db } = await test.newTenant();
    const { base, system } = await seedDirectorySystem(test, slapd.peer, tenantId, "discard");
    await test.owner.targetSystem.update({ where: { id: system.id }, data: { thresholds: { windowHours: 24, limits: { "grant:account": { count: 2 } } } } });
    for (const index of [1, 2, 3]) await seed(test.owner, tenantId, `30${index}`, `Person Nr${index}`, [{ id: `c${index}`, school: "SCH-X" }]);
    await publishRule({ db, jobs: test.jobs }, { name: "All", definition: { condition: { kind: "field", field: "Contract.Location.ExternalId", operator: "isNotEmpty" }, entitlements: [{ kind: "account", targetSystemId: system.id }] } });
    const run = await evaluateAndEnforce(db);
    expect(run.blocked.map((block) => block.key)).toEqual(["grant:account"]);
    await decideBlockedChanges({ db, jobs: test.jobs }, { evaluationId: run.evaluationId, decision: "discard" });
    await runUntilIdle(test, tenantId, system.id);
    expect(await entriesUnder(slapd.peer, base)).toEqual([]);
    expect(await test.owner.evaluationChange.count({ where: { evaluationId: run.evaluationId, state: "discarded" } })).toBe(3);
  });

  it("revoke now disables the person's accounts at once, and evaluations grant nothing back until the hold is lifted", { timeout: 60_000 }, async () => {
    const { tenantId, db } = await test.newTenant();
    const { base, system } = await seedDirectorySystem(test, slapd.peer, tenantId, "hold");
    const frank = await seed(test.owner, tenantId, "4001", "Frank Fit", [{ id: "f1", school: "SCH-X" }]);
    await publishRule({ db, jobs: test.jobs }, { name: "All", definition: { condition: { kind: "field", field: "Contract.Location.ExternalId", operator: "isNotEmpty" }, entitlements: [{ kind: "account", targetSystemId: system.id }, { kind: "access", targetSystemId: system.id }] } });
    await evaluateAndEnforce(db);
    await runUntilIdle(test, tenantId, system.id);
    const state = async () => (await entriesUnder(slapd.peer, base)).map((user) => `${user.cn} ${user.userAccountControl}`);
    expect(await state()).toEqual(["Frank Fit 512"]);

    expect(await revokeNow({ db, jobs: test.jobs }, { personId: frank.id, reason: "Dismissed, leaves today" })).toEqual({ held: true, accountsDisabled: 1 });
    await runUntilIdle(test, tenantId, system.id);
    expect(await state()).toEqual(["Frank Fit 514"]);
    // The next evaluation (the rules still grant access) plans nothing for him while the hold stands.
    const held = await evaluateAndEnforce(db);
    expect(await test.owner.evaluationChange.count({ where: { evaluationId: held.evaluationId } })).toBe(0);
    await runUntilIdle(test, tenantId, system.id);
    expect(await state()).toEqual(["Frank Fit 514"]);
    const audit = await test.owner.auditEntry.findMany({ where: { tenantId, action: "person.revoke_now" } });
    expect(audit.map((entry) => (entry.after as { reason: string }).reason)).toEqual(["Dismissed, leaves today"]);

    // Lifting the hold gives access back.
    const lifted = await liftHold({ db, jobs: test.jobs }, { personId: frank.id });
    await evaluatePersons({ db }, { evaluationId: lifted.id });
    await enforceEvaluation({ db, jobs: test.jobs }, { evaluationId: lifted.id });
    await runUntilIdle(test, tenantId, system.id);
    expect(await state()).toEqual(["Frank Fit 512"]);
  });

  it("counts the revokes of earlier runs within the window: 8% and then 8% again trips a 10% threshold", { timeout: 120_000 }, async () => {
    const { tenantId, db } = await test.newTenant();
    const { base, system } = await seedDirectorySystem(test, slapd.peer, tenantId, "window");
    const persons: Array<Awaited<ReturnType<typeof seed>>> = [];
    for (let index = 0; index < 25; index++) persons.push(await seed(test.owner, tenantId, `60${String(index).padStart(2, "0")}`, `Staff Nr${index}`, [{ id: `w${index}`, school: "SCH-X" }]));
    await publishRule({ db, jobs: test.jobs }, { name: "School X", definition: { condition: { kind: "field", field: "Contract.Location.ExternalId", operator: "equals", value: "SCH-X" }, entitlements: [{ kind: "account", targetSystemId: system.id }] } });
    expect((await evaluateAndEnforce(db)).blocked).toEqual([]);
    await runUntilIdle(test, tenantId, system.id);
    expect(await entriesUnder(slapd.peer, base)).toHaveLength(25);
    await test.owner.targetSystem.update({ where: { id: system.id }, data: { thresholds: { windowHours: 24, limits: { "revoke:account": { percent: 10 } } } } });

    // Two leave the school (8% of 25): allowed.
    const leave = async (leavers: typeof persons) => {
      for (const person of leavers) await test.owner.person.update({ where: { id: person.id }, data: { data: personData(person.externalId, person.displayName, [{ id: "gone", school: "SCH-Z" }]) } });
    };
    await leave(persons.slice(0, 2));
    expect((await evaluateAndEnforce(db)).blocked).toEqual([]);
    await runUntilIdle(test, tenantId, system.id);
    expect(await entriesUnder(slapd.peer, base)).toHaveLength(23);
    // Two more in a later run (8% of the 23 left): together with the first two, more than 10%.
    await leave(persons.slice(2, 4));
    const second = await evaluateAndEnforce(db);
    expect(second.blocked.map((block) => block.key)).toEqual(["revoke:account"]);
    expect(second.blocked[0]!.reason).toContain("plus 2 within the window");
    await runUntilIdle(test, tenantId, system.id);
    expect(await entriesUnder(slapd.peer, base)).toHaveLength(23);
  });
});
