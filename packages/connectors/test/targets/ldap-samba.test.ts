import { randomBytes, X509Certificate } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { canBindToSamba, ensureSamba, newOrganizationalUnit, SAMBA_STATE_DIR, type SambaPeer } from "@idlife/testing/peers";
import { Attribute, Change } from "ldapts";
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

const canBind = (principal: string, password: string) => canBindToSamba(samba, principal, password);

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

  it("finds correlation matches and lists accounts page by page", { timeout: 60_000 }, async () => {
    const ou = await newOrganizationalUnit(samba);
    const { session } = await openLdap(sambaSettings(samba, ou));
    const employee = unique("E");
    for (const [index, employeeID] of [employee, employee, `${employee}-other`].entries()) {
      await session.createAccount({ data: person(unique(`ls${index}`), { employeeID }), enabled: false });
    }
    expect(await session.findAccounts("employeeID", employee)).toHaveLength(2);
    expect(await session.findAccounts("employeeID", `${employee}-other`)).toHaveLength(1);
    expect(await session.findAccounts("employeeID", `${employee}-none`)).toHaveLength(0);

    const first = await session.listAccounts({ limit: 2 });
    expect(first.accounts).toHaveLength(2);
    const second = await session.listAccounts({ limit: 2, cursor: first.cursor! });
    expect(second.accounts).toHaveLength(1);
    expect(second.cursor).toBeUndefined();
    expect(new Set([...first.accounts, ...second.accounts].map((account) => account.reference)).size).toBe(3);
  });

  it("sets a password over StartTLS on port 389 as well", { timeout: 60_000 }, async () => {
    const ou = await newOrganizationalUnit(samba);
    const { session } = await openLdap({ ...sambaSettings(samba, ou), url: "ldap://127.0.0.1:389", startTls: true });
    expect((await session.testConnection()).message).toBe(`bound to ldap://127.0.0.1:389 as ${samba.bindDn}; ${ou} is readable`);
    const name = unique("tls");
    const password = `Xy7!${randomBytes(6).toString("hex")}-Long`;
    await session.createAccount({ data: person(name), enabled: true, password });
    expect(await canBind(`${name}@test.local`, password)).toBe(true);
  });

  it("refuses a certificate it cannot verify unless told otherwise, and says what to do", async () => {
    const error = await connectorErrorOf(openLdap({ ...sambaSettings(samba, samba.baseDn), tls: { rejectUnauthorized: true } }));
    expect(error.code).toBe("network");
    expect(error.message).toMatch(/^the TLS connection to ldaps:\/\/127\.0\.0\.1:636 failed \(.+\): give the directory's CA certificate in tls\.ca, and the name on its certificate in tls\.serverName when the URL uses another name$/);
  });

  it("verifies the directory's certificate against the CA given in the settings", async () => {
    const ca = await readFile(path.join(SAMBA_STATE_DIR, "dc/private/tls/ca.pem"), "utf8");
    const certificate = new X509Certificate(await readFile(path.join(SAMBA_STATE_DIR, "dc/private/tls/cert.pem")));
    const serverName = /CN=([^\n,]+)/.exec(certificate.subject)![1]!;
    const verified = { ...sambaSettings(samba, samba.baseDn), tls: { rejectUnauthorized: true, ca, serverName } };
    const { session } = await openLdap(verified);
    expect((await session.testConnection()).message).toContain("is readable");
    // The same CA with the wrong name: the certificate is not the directory's.
    const error = await connectorErrorOf(openLdap({ ...verified, tls: { rejectUnauthorized: true, ca, serverName: "other.test.local" } }));
    expect(error.message).toMatch(/^the TLS connection to ldaps:\/\/127\.0\.0\.1:636 failed \(.*other\.test\.local.*\)/);
  });

  it("reports a base DN that does not exist when the connection is tested", async () => {
    const { session } = await openLdap(sambaSettings(samba, `OU=missing-${unique("x")},${samba.baseDn}`));
    const error = await connectorErrorOf(session.testConnection());
    expect(error.code).toBe("not_found");
    expect(error.message).toMatch(/^no such object while reading the base DN OU=missing-x[0-9a-f]+,DC=test,DC=local: check that the DN and its containers exist/);
  });

  it("says the password broke the domain's policy, and creates nothing", { timeout: 60_000 }, async () => {
    const ou = await newOrganizationalUnit(samba);
    const { session } = await openLdap(sambaSettings(samba, ou));
    const name = unique("weak");
    const error = await connectorErrorOf(session.createAccount({ data: person(name), enabled: true, password: "abc" }));
    expect(error.code).toBe("target_refused");
    expect(error.message).toMatch(new RegExp(`^the directory refused the password for cn=Test ${name},${ou}: it does not meet the domain's password policy \\(.+\\); nothing was created$`));
    expect(error.message).not.toContain('"abc"');
    expect(await session.valueInUse("sAMAccountName", name)).toBe(false);
  });

  it("names the bind account when Samba refuses the password", async () => {
    const error = await connectorErrorOf(openLdap({ ...sambaSettings(samba, samba.baseDn), password: "not-the-password" }));
    expect(error.code).toBe("credentials_refused");
    expect(error.message).toMatch(/^the directory refused the bind for Administrator@TEST\.LOCAL: wrong password or account locked \(.*data 52e/);
  });
});
