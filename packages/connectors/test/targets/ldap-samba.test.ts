import { randomBytes } from "node:crypto";
import { ensureSamba, newOrganizationalUnit, type SambaPeer } from "@idlife/testing/peers";
import { Attribute, Change, Client } from "ldapts";
import { beforeAll, describe, expect, it } from "vitest";
import { connectorErrorOf } from "../helpers/expect-connector-error.ts";
import { openLdap, readDirectly, sambaSettings, withClient } from "./ldap-test-directory.ts";

// The real Active Directory: Samba's domain controller over LDAPS, each test in an OU of its own.
let samba: SambaPeer;
beforeAll(async () => {
  samba = await ensureSamba();
}, 120_000);

/** sAMAccountName is domain-wide: every test gets names of its own. */
const unique = (prefix: string) => `${prefix}${randomBytes(3).toString("hex")}`;

function person(name: string, extra: Record<string, string> = {}) {
  return { cn: `Test ${name}`, sAMAccountName: name, userPrincipalName: `${name}@test.local`, givenName: "Test", sn: name, ...extra };
}

async function canBind(user: string, password: string): Promise<boolean> {
  const client = new Client({ url: samba.url, tlsOptions: { rejectUnauthorized: false }, connectTimeout: 5_000 });
  try {
    await client.bind(user, password);
    return true;
  } catch {
    return false;
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

describe("LDAP connector against Samba AD", () => {
  it("creates an enabled user with a password that can bind, with objectGUID as its reference", { timeout: 60_000 }, async () => {
    const ou = await newOrganizationalUnit(samba);
    const { session } = await openLdap(sambaSettings(samba, ou));
    const name = unique("pw");
    const password = `Xy7!${randomBytes(6).toString("hex")}-Long`;
    const created = await session.createAccount({ data: person(name, { employeeID: "E1" }), enabled: true, password });
    expect(created.account.reference).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(created.account.location).toBe(`CN=Test ${name},${ou}`);
    expect(created.account.enabled).toBe(true);
    expect(created.account.data).toMatchObject({ sAMAccountName: name, employeeID: "E1", userAccountControl: "512" });
    expect(await canBind(`${name}@test.local`, password)).toBe(true);

    // The reference finds the account again, and it is the GUID in AD's own text form: the
    // directory resolves <GUID=...> to the same entry.
    expect((await session.getAccount(created.account.reference))?.location).toBe(created.account.location);
    expect((await readDirectly(samba, `<GUID=${created.account.reference}>`, ["cn"]))?.dn).toBe(created.account.location);
    expect(await session.valueInUse("sAMAccountName", name)).toBe(true);
    expect(await session.valueInUse("sAMAccountName", `${name}x`)).toBe(false);
    expect(await session.valueInUse("sAMAccountName", name, created.account.reference)).toBe(false);

    await session.setAccountEnabled(created.account.reference, false);
    expect((await readDirectly(samba, created.account.location!))?.userAccountControl).toBe("514");
    expect(await canBind(`${name}@test.local`, password)).toBe(false);
    await session.setAccountEnabled(created.account.reference, true);
    expect(await canBind(`${name}@test.local`, password)).toBe(true);

    expect((await session.deleteAccount(created.account.reference)).outcome).toBe("done");
    expect(await session.getAccount(created.account.reference)).toBeNull();
  });

  it("updates only the changed attributes and moves the account to another OU", { timeout: 60_000 }, async () => {
    const ou = await newOrganizationalUnit(samba);
    const target = await newOrganizationalUnit(samba, "moved");
    const { session } = await openLdap({ ...sambaSettings(samba, ou), baseDn: samba.baseDn, accountFilter: "(&(objectClass=user)(!(objectClass=computer)))" });
    const name = unique("mv");
    const { account } = await session.createAccount({ data: person(name, { department: "Maths", title: "Teacher" }), container: ou, enabled: false });
    await withClient(samba, (client) =>
      client.modify(account.location!, new Change({ operation: "replace", modification: new Attribute({ type: "description", values: ["set by hand"] }) })),
    );
    const result = await session.updateAccount(account.reference, { changes: { department: "Science", title: "Teacher" }, container: target });
    expect(result.messages).toEqual(["changed department", `moved to ${target}`]);
    expect(result.account?.location).toBe(`CN=Test ${name},${target}`);
    expect(await readDirectly(samba, `CN=Test ${name},${target}`)).toMatchObject({ department: "Science", title: "Teacher", description: "set by hand" });
    expect(result.account?.reference).toBe(account.reference);
  });

  it("grants and revokes group membership; a hand-added membership of another group survives", { timeout: 60_000 }, async () => {
    const ou = await newOrganizationalUnit(samba);
    const { session } = await openLdap(sambaSettings(samba, ou));
    const { account } = await session.createAccount({ data: person(unique("gr")), enabled: false });
    const teachers = await session.createPermission!(unique("teachers"), "group");
    const staff = await session.createPermission!(unique("staff"), "group");
    const staffDn = `CN=${staff.displayName},${ou}`;
    await withClient(samba, (client) => client.modify(staffDn, new Change({ operation: "add", modification: new Attribute({ type: "member", values: [account.location!] }) })));

    expect((await session.grantPermission(account.reference, teachers.reference)).outcome).toBe("done");
    expect((await session.grantPermission(account.reference, teachers.reference)).outcome).toBe("already");
    expect((await session.accountPermissions(account.reference)).sort()).toEqual([teachers.reference, staff.reference].sort());
    expect((await session.revokePermission(account.reference, teachers.reference)).outcome).toBe("done");
    expect((await session.revokePermission(account.reference, teachers.reference)).outcome).toBe("already");
    expect(await session.accountPermissions(account.reference)).toEqual([staff.reference]);
    expect((await session.listPermissions()).map((permission) => permission.reference).sort()).toEqual([teachers.reference, staff.reference].sort());
  });

  it("names the bind account when Samba refuses the password", async () => {
    const error = await connectorErrorOf(openLdap({ ...sambaSettings(samba, samba.baseDn), password: "not-the-password" }));
    expect(error.code).toBe("credentials_refused");
    expect(error.message).toMatch(/^the directory refused the bind for Administrator@TEST\.LOCAL: wrong password or account locked \(.*data 52e/);
  });
});
