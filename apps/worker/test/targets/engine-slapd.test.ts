import { describe, expect, it } from "vitest";
import { useSlapd } from "@idlife/testing/peers";
import { ldapConnector } from "@idlife/connectors";
import { Attribute, Change } from "ldapts";
import { listPersonAccounts, listPersonEntitlements, previewAccount, requestAccountAction, requestPermissionAction } from "@idlife/use-cases";
import { adShapedSlapd, entriesUnder, moveToDepartment, newTenantWithOu, organizationalUnit, requestedBy, runUntilIdle, seedPerson, seedSlapdSystem, useEngineTest, withDirectory } from "./engine-test-support.ts";

// The target engine end to end against a real OpenLDAP with Debian's AD schema: requests go
// into the work table, the runner applies them through the LDAP connector, the platform records them.
const slapd = useSlapd();
const test = useEngineTest();

let unit = 0;
async function directory(options: { correlation?: boolean } = {}) {
  const { tenantId, db, base } = await newTenantWithOu(test, slapd.peer, `engine-${++unit}`);
  // Unique values are checked across the whole directory: each test has a login name of its own.
  const login = `jdoe${String.fromCharCode(96 + unit)}`;
  const sales = await organizationalUnit(slapd.peer, "Sales", base);
  const it = await organizationalUnit(slapd.peer, "IT", base);
  const groups = await organizationalUnit(slapd.peer, "Groups", base);
  const system = await seedSlapdSystem(test, slapd.peer, tenantId, base, {
    settings: { groupsBaseDn: groups },
    fieldMapping: [
      // Names the entry: two John Does in one OU need different ones (the directory is shared by the file's tests).
      { attribute: "cn", kind: "field", field: "DisplayName", actions: ["create"], unique: { maxFallbacks: 20, fallbackTemplate: "{value} {n}" } },
      { attribute: "givenName", kind: "field", field: "Name.GivenName" },
      { attribute: "sn", kind: "field", field: "Name.FamilyName" },
      { attribute: "employeeID", kind: "field", field: "ExternalId", actions: ["create"] },
      { attribute: "department", kind: "field", field: "PrimaryContract.Department.ExternalId" },
      { attribute: "sAMAccountName", kind: "fixed", value: login, actions: ["create"], unique: { maxFallbacks: 9 } },
      { attribute: "description", kind: "fixed", value: "Left the organisation", actions: ["disable"] },
    ],
    container: { kind: "field", field: "PrimaryContract.Department.ExternalId", lookup: { SALES: sales, IT: it }, value: sales },
    ...(options.correlation ? { correlation: { personField: "ExternalId", attribute: "employeeID" } } : {}),
  });
  const act = (personId: string, action: "create" | "update" | "enable" | "disable" | "delete") => requestAccountAction({ db, jobs: test.jobs }, { targetSystemId: system.id, personId, action, requestedBy });
  const run = () => runUntilIdle(test, tenantId, system.id);
  return { tenantId, db, system, base, sales, it, groups, act, run, login };
}

async function group(groupsDn: string, name: string, tenantId: string, targetSystemId: string) {
  const { settings, secrets } = adShapedSlapd(slapd.peer, groupsDn);
  const session = await ldapConnector.open({ mode: "apply", settings: { ...settings, groupsBaseDn: groupsDn }, secrets });
  try {
    const permission = await session.createPermission!(name, "group");
    return test.owner.targetPermission.create({ data: { tenantId, targetSystemId, reference: permission.reference, displayName: permission.displayName, kind: permission.kind } });
  } finally {
    await session.close();
  }
}

const members = (groupDn: string) => withDirectory(slapd.peer, async (client) => [(await client.search(groupDn, { scope: "base", attributes: ["member"] })).searchEntries[0]?.member ?? []].flat().map(String));

describe("target engine on OpenLDAP (AD-shaped)", () => {
  it("creates with the mapped attributes, gives a second John Doe jdoe2, disables and enables, deletes", async () => {
    const { tenantId, db, system, sales, act, run, login } = await directory();
    const first = await seedPerson(test.owner, tenantId, { externalId: "1001", givenName: "John", familyName: "Doe" });
    const second = await seedPerson(test.owner, tenantId, { externalId: "1002", givenName: "John", familyName: "Doe", department: "SALES" });
    await act(first.id, "create");
    const firstRun = await run();
    expect(firstRun.succeeded).toBe(1);
    await act(second.id, "create");
    await run();

    const entries = await entriesUnder(slapd.peer, sales);
    expect(entries.map((entry) => [entry.sAMAccountName, entry.givenName, entry.sn, entry.employeeID, entry.department]).sort()).toEqual([
      [login, "John", "Doe", "1001", "SALES"],
      [`${login}2`, "John", "Doe", "1002", "SALES"],
    ]);
    const [account] = await listPersonAccounts({ db }, { personId: second.id });
    expect(account).toMatchObject({ managedBy: "created", enabled: false, data: { sAMAccountName: `${login}2`, employeeID: "1002" } });
    expect(account!.location).toMatch(/^cn=John Doe \d+,ou=Sales,/i);
    // New accounts are created disabled (AD: ACCOUNTDISABLE, 0x2).
    const flags = async () => Number((await entriesUnder(slapd.peer, sales, "(employeeID=1002)"))[0]!.userAccountControl);
    expect((await flags()) & 2).toBe(2);
    await act(second.id, "enable");
    await run();
    expect((await flags()) & 2).toBe(0);
    await act(second.id, "disable");
    await run();
    expect((await flags()) & 2).toBe(2);
    expect((await entriesUnder(slapd.peer, sales, "(employeeID=1002)"))[0]!.description).toBe("Left the organisation");

    await act(second.id, "delete");
    await run();
    expect((await entriesUnder(slapd.peer, sales)).map((entry) => entry.sAMAccountName)).toEqual([login]);
    expect((await listPersonAccounts({ db }, { personId: second.id }))[0]!.deletedAt).not.toBeNull();

    const audit = await test.owner.auditEntry.findMany({ where: { tenantId, targetId: second.id }, orderBy: { sequence: "asc" } });
    expect(audit.map((entry) => entry.action)).toEqual(["target.create_account", "target.enable_account", "target.disable_account", "target.delete_account"]);
    expect(audit[0]!.after).toMatchObject({ state: "success", targetSystem: system.name, attributes: { sAMAccountName: `${login}2`, givenName: "John" } });
    // The generated password is in no result and no audit entry.
    expect(JSON.stringify(audit.map((entry) => [entry.before, entry.after]))).not.toMatch(/unicodePwd|userPassword|password/i);
  });

  it("moves the account to the mapped OU when the department changes and sends only what changed", async () => {
    const { tenantId, db, it: itUnit, act, run, login } = await directory();
    const person = await seedPerson(test.owner, tenantId, { externalId: "2001", givenName: "Ann", familyName: "Lee" });
    await act(person.id, "create");
    await run();
    await moveToDepartment(test.owner, person.id, "IT");
    // The preview shows the move and the one changed attribute, and changes nothing.
    const targetSystemId = (await test.owner.targetSystem.findFirstOrThrow({ where: { tenantId } })).id;
    const preview = await previewAccount({ db, secretsKey: test.secretsKey }, { targetSystemId, personId: person.id, action: "update" });
    expect(preview.correlation.status).toBe("managed");
    expect(preview.actions[0]).toMatchObject({ attributes: { department: "IT" }, container: itUnit, changes: { department: { from: "SALES", to: "IT" }, container: { to: itUnit } } });
    expect(await entriesUnder(slapd.peer, itUnit)).toEqual([]);
    await act(person.id, "update");
    await run();
    const [moved] = await entriesUnder(slapd.peer, itUnit);
    expect(moved).toMatchObject({ department: "IT", sAMAccountName: login });
    const update = await test.owner.targetAction.findFirstOrThrow({ where: { tenantId, personId: person.id, kind: "update_account" } });
    expect(update.state).toBe("succeeded");
    // givenName and sn did not change: not sent.
    expect(Object.keys((update.result as { changes: object }).changes).sort()).toEqual(["container", "department"]);
    expect((await listPersonAccounts({ db }, { personId: person.id }))[0]!.location).toMatch(/ou=IT,/i);
    // Nothing differs any more: a second update sends nothing.
    await act(person.id, "update");
    await run();
    const last = await test.owner.auditEntry.findFirstOrThrow({ where: { tenantId, targetId: person.id }, orderBy: { sequence: "desc" } });
    expect(last.after).toMatchObject({ state: "skipped" });
  });

  it("takes over an existing account by correlation instead of creating a second; two matches change nothing", async () => {
    const { tenantId, db, sales, act, run, login } = await directory({ correlation: true });
    const existing = `cn=Existing Person,${sales}`;
    const adShaped = adShapedSlapd(slapd.peer, sales).settings.fixedAttributes as Record<string, string>;
    await withDirectory(slapd.peer, (client) => client.add(existing, { objectClass: ["top", "person", "organizationalPerson", "user", "extensibleObject"], cn: "Existing Person", sn: "Person", employeeID: "3001", sAMAccountName: "existing", ...adShaped }));
    const person = await seedPerson(test.owner, tenantId, { externalId: "3001", givenName: "Eve", familyName: "Smith" });
    const preview = await previewAccount({ db, secretsKey: test.secretsKey }, { targetSystemId: (await test.owner.targetSystem.findFirstOrThrow({ where: { tenantId } })).id, personId: person.id });
    expect(preview.correlation).toMatchObject({ status: "match", matches: 1 });
    await act(person.id, "create");
    await run();
    expect(await entriesUnder(slapd.peer, sales)).toHaveLength(1);
    expect((await listPersonAccounts({ db }, { personId: person.id }))[0]).toMatchObject({ managedBy: "correlated", location: existing });
    const takeover = await test.owner.auditEntry.findFirstOrThrow({ where: { tenantId, targetId: person.id, action: "target.create_account" } });
    expect((takeover.after as { message: string }).message).toMatch(/^Correlated: took over/);

    // Two accounts carry 3002: an error naming both, nothing created, nothing recorded.
    for (const name of ["Twin One", "Twin Two"]) {
      await withDirectory(slapd.peer, (client) => client.add(`cn=${name},${sales}`, { objectClass: ["top", "person", "organizationalPerson", "user", "extensibleObject"], cn: name, sn: "Twin", employeeID: "3002", ...adShaped }));
    }
    const twin = await seedPerson(test.owner, tenantId, { externalId: "3002", givenName: "Tom", familyName: "Twin" });
    await act(twin.id, "create");
    await run();
    const failed = await test.owner.targetAction.findFirstOrThrow({ where: { tenantId, personId: twin.id } });
    expect(failed.state).toBe("failed");
    expect(failed.error).toMatch(/^2 accounts match employeeID = 3002 \(cn=Twin One,.*cn=Twin Two,.*\); none is taken over and nothing was created/i);
    expect(await entriesUnder(slapd.peer, sales)).toHaveLength(3);
    expect(await listPersonAccounts({ db }, { personId: twin.id })).toEqual([]);

    // Neither the takeover nor the refusal keeps a login name: the next new person gets the plain one.
    const newcomer = await seedPerson(test.owner, tenantId, { externalId: "3003", givenName: "Nina", familyName: "New" });
    await act(newcomer.id, "create");
    await run();
    const created = (await entriesUnder(slapd.peer, sales)).find((entry) => entry.employeeID === "3003");
    expect(created?.sAMAccountName).toBe(login);
  });

  it("skips a login name that an entry the platform does not know holds, though it was claimed with the whole batch", async () => {
    const { tenantId, base, sales, act, run, login } = await directory();
    const adShaped = adShapedSlapd(slapd.peer, sales).settings.fixedAttributes as Record<string, string>;
    await withDirectory(slapd.peer, (client) => client.add(`cn=Hand Made,${base}`, { objectClass: ["top", "person", "organizationalPerson", "user", "extensibleObject"], cn: "Hand Made", sn: "Made", sAMAccountName: login, ...adShaped }));
    const persons = await Promise.all(["5001", "5002"].map((externalId, index) => seedPerson(test.owner, tenantId, { externalId, givenName: ["Ann", "Bob"][index]!, familyName: "Batch" })));
    for (const person of persons) await act(person.id, "create");
    await run();
    expect((await entriesUnder(slapd.peer, sales)).map((entry) => String(entry.sAMAccountName)).sort()).toEqual([`${login}2`, `${login}3`]);
  });

  it("grants and revokes group membership; a grant requested with the create waits for it; a hand-added membership survives", async () => {
    const { tenantId, db, system, groups, act, run } = await directory();
    const person = await seedPerson(test.owner, tenantId, { externalId: "4001", givenName: "Gus", familyName: "Grant" });
    const teachers = await group(groups, "Teachers", tenantId, system.id);
    const staff = await group(groups, "Staff", tenantId, system.id);
    await act(person.id, "create");
    // Asked for before the account exists: runs after the create.
    await requestPermissionAction({ db, jobs: test.jobs }, { targetSystemId: system.id, personId: person.id, permissionId: teachers.id, action: "grant", requestedBy });
    await run();
    const [account] = await listPersonAccounts({ db }, { personId: person.id });
    expect(await members(`cn=Teachers,${groups}`)).toEqual([account!.location]);
    expect((await listPersonEntitlements({ db }, { personId: person.id })).map((entitlement) => [entitlement.permission.displayName, entitlement.grantedBy])).toEqual([["Teachers", requestedBy]]);

    // An administrator adds the account to Staff by hand: not the platform's to revoke.
    await withDirectory(slapd.peer, (client) => client.modify(`cn=Staff,${groups}`, new Change({ operation: "add", modification: new Attribute({ type: "member", values: [account!.location!] }) })));
    await expect(requestPermissionAction({ db, jobs: test.jobs }, { targetSystemId: system.id, personId: person.id, permissionId: staff.id, action: "revoke", requestedBy })).rejects.toThrow(/was not granted by the platform/);
    await requestPermissionAction({ db, jobs: test.jobs }, { targetSystemId: system.id, personId: person.id, permissionId: teachers.id, action: "revoke", requestedBy });
    await run();
    expect(await members(`cn=Teachers,${groups}`)).toEqual([]);
    expect(await members(`cn=Staff,${groups}`)).toEqual([account!.location]);
    expect(await listPersonEntitlements({ db }, { personId: person.id })).toEqual([]);
  });

  it("gives persons created at the same moment different unique values (claimed, not only checked in the directory); keeps the system's rate", async () => {
    const { tenantId, system, sales, act, login } = await directory();
    const persons = await Promise.all(Array.from({ length: 6 }, (_, index) => seedPerson(test.owner, tenantId, { externalId: `120${index}`, givenName: "John", familyName: "Doe" })));
    for (const person of persons) await act(person.id, "create");
    // One batch, four at once: each plans before the others' accounts exist in the directory.
    expect((await runUntilIdle(test, tenantId, system.id)).succeeded).toBe(6);
    const names = (await entriesUnder(slapd.peer, sales)).map((entry) => String(entry.sAMAccountName)).sort();
    expect(names).toEqual([login, `${login}2`, `${login}3`, `${login}4`, `${login}5`, `${login}6`].sort());

    await test.owner.targetSystem.update({ where: { id: system.id }, data: { ratePerSecond: 10 } });
    for (const person of persons) await act(person.id, "update");
    const started = Date.now();
    await runUntilIdle(test, tenantId, system.id);
    // 10 a second: the sixth starts half a second after the first.
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
  });
});
