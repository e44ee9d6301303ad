import { useSlapd } from "@idlife/testing/peers";
import { describe, expect, it } from "vitest";
import { openLdap, readDirectly, slapdContainer } from "./ldap-test-directory.ts";

// A plain LDAP directory (inetOrgPerson, groupOfNames): no userAccountControl, so access follows
// a configurable attribute.
const slapd = useSlapd();

async function plainDirectory(disableAttribute: Record<string, string>) {
  const container = await slapdContainer(slapd.peer);
  const { session } = await openLdap({
    directoryKind: "ldap",
    url: slapd.peer.url,
    bindDn: slapd.peer.bindDn,
    password: slapd.peer.password,
    baseDn: container,
    namingAttribute: "uid",
    disableAttribute,
  });
  return { session, container };
}

const jane = { uid: "jdoe", cn: "Jane Doe", sn: "Doe", mail: "jane.doe@example.test", employeeNumber: "1001" };

describe("LDAP connector: a plain inetOrgPerson directory", () => {
  it("creates with the configured naming attribute and flips the configured disable attribute", async () => {
    const { session, container } = await plainDirectory({ attribute: "employeeType", disabledValue: "disabled", enabledValue: "active" });
    const { account } = await session.createAccount({ data: jane, enabled: false });
    expect(account.location).toBe(`uid=jdoe,${container}`);
    expect(account.enabled).toBe(false);
    expect((await readDirectly(slapd.peer, account.location!))?.employeeType).toBe("disabled");
    expect((await readDirectly(slapd.peer, account.location!))?.objectClass).toEqual(["top", "person", "organizationalPerson", "inetOrgPerson"]);

    expect((await session.setAccountEnabled(account.reference, true)).outcome).toBe("done");
    expect((await readDirectly(slapd.peer, account.location!))?.employeeType).toBe("active");
    expect((await session.getAccount(account.reference))?.enabled).toBe(true);
    expect((await session.setAccountEnabled(account.reference, true)).outcome).toBe("already");
    expect((await session.findAccounts("employeeNumber", "1001")).map((found) => found.reference)).toEqual([account.reference]);
  });

  it("removes the disable attribute to enable when no enabled value is configured", async () => {
    const { session } = await plainDirectory({ attribute: "employeeType", disabledValue: "disabled" });
    const { account } = await session.createAccount({ data: jane, enabled: false });
    await session.setAccountEnabled(account.reference, true);
    expect((await readDirectly(slapd.peer, account.location!))?.employeeType).toBeUndefined();
    await session.setAccountEnabled(account.reference, false);
    expect((await readDirectly(slapd.peer, account.location!))?.employeeType).toBe("disabled");
  });

  it("manages groupOfNames memberships and reads a group's members", async () => {
    const { session, container } = await plainDirectory({ attribute: "employeeType", disabledValue: "disabled" });
    const { account } = await session.createAccount({ data: jane, enabled: true });
    const group = await session.createPermission!("Teachers", "group");
    await session.grantPermission(account.reference, group.reference);
    expect(await session.accountPermissions(account.reference)).toEqual([group.reference]);
    expect(await session.permissionMembers!(group.reference)).toEqual([`uid=jdoe,${container}`]);
    await session.revokePermission(account.reference, group.reference);
    expect(await session.accountPermissions(account.reference)).toEqual([]);
  });
});
