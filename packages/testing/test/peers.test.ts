// The directory peers the target-system tests run against: a real slapd with the AD-shaped schema
// and the machine's Samba AD domain controller.
import { Attribute, Change, Client } from "ldapts";
import { describe, expect, it } from "vitest";
import { adShapedRequired, ensureSamba, newOrganizationalUnit, useSlapd } from "../src/peers/index.ts";

describe("slapd peer", () => {
  const slapd = useSlapd();

  it("stores an AD-shaped user and finds it by sAMAccountName", async () => {
    const client = await slapd.peer.connect();
    try {
      await client.add(`ou=people,${slapd.peer.baseDn}`, { objectClass: ["top", "organizationalUnit"], ou: "people" });
      await client.add(`cn=Jan Jansen,ou=people,${slapd.peer.baseDn}`, {
        objectClass: ["top", "user", "extensibleObject"],
        cn: "Jan Jansen",
        sn: "Jansen",
        sAMAccountName: "jjansen",
        userAccountControl: "514",
        ...adShapedRequired(slapd.peer.baseDn),
      });
      const { searchEntries } = await client.search(slapd.peer.baseDn, { filter: "(sAMAccountName=JJANSEN)", attributes: ["cn", "entryUUID"] });
      expect(searchEntries.map((entry) => entry.cn)).toEqual(["Jan Jansen"]);
      expect(searchEntries[0]!.entryUUID).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await client.unbind();
    }
  });
});

describe("Samba AD peer", () => {
  it("creates a user with a password in an OU of its own, who can then bind", async () => {
    const peer = await ensureSamba();
    const ou = await newOrganizationalUnit(peer);
    const admin = await peer.connect();
    const password = "Welkom-2026!x";
    try {
      await admin.add(`CN=Piet Peer,${ou}`, { objectClass: ["top", "person", "organizationalPerson", "user"], sAMAccountName: `pp${Date.now() % 100000}`, userPrincipalName: `piet.peer.${Date.now()}@test.local` });
      await admin.modify(`CN=Piet Peer,${ou}`, [
        new Change({ operation: "replace", modification: new Attribute({ type: "unicodePwd", values: [Buffer.from(`"${password}"`, "utf16le")] }) }),
        new Change({ operation: "replace", modification: new Attribute({ type: "userAccountControl", values: ["512"] }) }),
      ]);
      const { searchEntries } = await admin.search(ou, { filter: "(cn=Piet Peer)", attributes: ["userPrincipalName"] });
      const user = new Client({ url: peer.url, tlsOptions: { rejectUnauthorized: false } });
      try {
        await user.bind(String(searchEntries[0]!.userPrincipalName), password);
      } finally {
        await user.unbind();
      }
    } finally {
      await admin.unbind();
    }
  }, 120_000);
});
