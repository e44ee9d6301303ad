import { randomBytes } from "node:crypto";
import { ensureSamba, newOrganizationalUnit, type SambaPeer } from "@idlife/testing/peers";
import { Attribute, Change } from "ldapts";
import { beforeAll, describe, expect, it } from "vitest";
import { openLdap, sambaSettings, withClient } from "./ldap-test-directory.ts";

// Active Directory hands out at most 1,500 values of `member` per read: a group larger than that
// must be read in ranges. Samba slices only explicitly ranged reads, so this proves the
// connector asks for the ranges itself (as real AD needs).
let samba: SambaPeer;
beforeAll(async () => {
  samba = await ensureSamba();
}, 120_000);

const OTHER_MEMBERS = 1_600;
const MEMBERS_PER_MODIFY = 100;

describe("LDAP connector: a Samba AD group with more than 1,500 members", () => {
  it("sees a member beyond the first 1,500 and revokes it", { timeout: 240_000 }, async () => {
    const ou = await newOrganizationalUnit(samba, "range");
    const { session } = await openLdap(sambaSettings(samba, ou));
    const group = await session.createPermission!(`big-${randomBytes(3).toString("hex")}`, "group");
    const groupDn = `CN=${group.displayName},${ou}`;
    // Contacts are the cheapest entries Samba lets into a group (no SID, no password).
    const contacts = Array.from({ length: OTHER_MEMBERS }, (_, index) => `CN=contact-${String(index).padStart(4, "0")},${ou}`);
    await withClient(samba, async (client) => {
      for (let start = 0; start < contacts.length; start += MEMBERS_PER_MODIFY) {
        const values = contacts.slice(start, start + MEMBERS_PER_MODIFY);
        // Sent together on one connection: Samba answers them one by one, without our round trips in between.
        await Promise.all(values.map((dn) => client.add(dn, { objectClass: ["top", "person", "organizationalPerson", "contact"] })));
        await client.modify(groupDn, new Change({ operation: "add", modification: new Attribute({ type: "member", values }) }));
      }
    });
    const { account } = await session.createAccount({ data: { cn: "Range Member", sAMAccountName: `rm${randomBytes(3).toString("hex")}`, sn: "Member" }, enabled: false });
    expect((await session.grantPermission(account.reference, group.reference)).outcome).toBe("done");

    const members = await session.permissionMembers!(group.reference);
    expect(members).toHaveLength(OTHER_MEMBERS + 1);
    expect(new Set(members.map((member) => member.toLowerCase())).size).toBe(OTHER_MEMBERS + 1);
    expect(members).toContain(account.location);
    expect(await session.accountPermissions(account.reference)).toEqual([group.reference]);

    expect((await session.revokePermission(account.reference, group.reference)).outcome).toBe("done");
    expect((await session.revokePermission(account.reference, group.reference)).outcome).toBe("already");
    const after = await session.permissionMembers!(group.reference);
    expect(after).toHaveLength(OTHER_MEMBERS);
    expect(after).not.toContain(account.location);
  });
});
