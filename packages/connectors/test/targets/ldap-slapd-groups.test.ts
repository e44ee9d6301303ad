import { useSlapd } from "@idlife/testing/peers";
import { Attribute, Change } from "ldapts";
import { describe, expect, it } from "vitest";
import { adShapedSettings, openLdap, readDirectly, slapdContainer, withClient } from "./ldap-test-directory.ts";

// Group memberships as permissions in an AD-shaped OpenLDAP.
const slapd = useSlapd();

async function directoryWithGroups() {
  const container = await slapdContainer(slapd.peer);
  const groups = await slapdContainer(slapd.peer, "groups", container);
  const { session } = await openLdap({ ...adShapedSettings(slapd.peer, container), groupsBaseDn: groups });
  const { account } = await session.createAccount({ data: { cn: "Jane Doe", sAMAccountName: "jdoe", sn: "Doe" }, enabled: false });
  return { session, account, groups };
}

describe("LDAP connector: groups in an AD-shaped OpenLDAP", () => {
  it("creates groups, lists them, and returns the existing group when asked to create it again", async () => {
    const { session, groups } = await directoryWithGroups();
    const teachers = await session.createPermission!("Teachers", "group");
    const again = await session.createPermission!("Teachers", "group");
    expect(again.reference).toBe(teachers.reference);
    // A name with DN syntax in it (slapd answers its DN with hexadecimal escapes).
    await session.createPermission!("Students, year 1", "group");
    const entry = await readDirectly(slapd.peer, `cn=Teachers,${groups}`);
    expect(entry?.groupType).toBe("-2147483646");

    const listed = await session.listPermissions();
    expect(listed.map((permission) => permission.displayName).sort()).toEqual(["Students, year 1", "Teachers"]);
    expect(listed.every((permission) => permission.kind === "group")).toBe(true);
  });

  it("grants and revokes membership; granting twice and revoking twice are 'already'; a hand-added membership survives", async () => {
    const { session, account, groups } = await directoryWithGroups();
    const teachers = await session.createPermission!("Teachers", "group");
    const staff = await session.createPermission!("Staff", "group");
    // Added by an administrator by hand, not by the platform.
    await withClient(slapd.peer, (client) =>
      client.modify(`cn=Staff,${groups}`, new Change({ operation: "add", modification: new Attribute({ type: "member", values: [account.location!] }) })),
    );

    expect((await session.grantPermission(account.reference, teachers.reference)).outcome).toBe("done");
    expect((await session.grantPermission(account.reference, teachers.reference)).outcome).toBe("already");
    expect((await session.accountPermissions(account.reference)).sort()).toEqual([teachers.reference, staff.reference].sort());
    expect(await session.permissionMembers!(teachers.reference)).toEqual([account.location]);

    const revoked = await session.revokePermission(account.reference, teachers.reference);
    expect(revoked).toMatchObject({ outcome: "done", messages: [`removed from cn=Teachers,${groups}`] });
    expect((await session.revokePermission(account.reference, teachers.reference)).outcome).toBe("already");
    expect(await session.accountPermissions(account.reference)).toEqual([staff.reference]);
    expect((await readDirectly(slapd.peer, `cn=Staff,${groups}`))?.member).toBe(account.location);
  });

  it("refuses a grant on a group that does not exist with a clear error", async () => {
    const { session, account, groups } = await directoryWithGroups();
    await expect(session.grantPermission(account.reference, "00000000-0000-4000-8000-000000000000")).rejects.toThrow(
      `no group with entryUUID 00000000-0000-4000-8000-000000000000 under ${groups}: it was deleted or moved`,
    );
  });
});
