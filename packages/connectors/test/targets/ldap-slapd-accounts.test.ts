import { useSlapd } from "@idlife/testing/peers";
import { Attribute, Change } from "ldapts";
import { describe, expect, it, onTestFinished } from "vitest";
import type { TargetSession } from "../../src/index.ts";
import { adShapedSettings, openLdap, readDirectly, slapdContainer, startDirectoryRelay, withClient } from "./ldap-test-directory.ts";

// Accounts in an AD-shaped OpenLDAP (Debian's msuser.schema): the connector's Active Directory
// rules (userAccountControl, sAMAccountName, ...) against a real directory server.
const slapd = useSlapd();

async function adShaped(): Promise<{ session: TargetSession; container: string }> {
  const container = await slapdContainer(slapd.peer);
  const { session } = await openLdap(adShapedSettings(slapd.peer, container));
  return { session, container };
}

const jane = { cn: "Jane Doe", sAMAccountName: "jdoe", givenName: "Jane", sn: "Doe", employeeID: "1001", mail: "jane.doe@example.test" };

describe("LDAP connector: accounts in an AD-shaped OpenLDAP", () => {
  it("creates an account with the mapped attributes, disabled, and reads it back with its entryUUID reference", async () => {
    const { session, container } = await adShaped();
    const created = await session.createAccount({ data: jane, enabled: false });
    expect(created.outcome).toBe("done");
    expect(created.account.reference).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(created.account.location).toBe(`cn=Jane Doe,${container}`);
    expect(created.account.container).toBe(container);
    expect(created.account.enabled).toBe(false);
    expect(created.account.data).toMatchObject({ sAMAccountName: "jdoe", givenName: "Jane", sn: "Doe", employeeID: "1001", userAccountControl: "514" });
    // Secrets and the directory's binary values are never part of the data.
    expect(Object.keys(created.account.data)).not.toContain("nTSecurityDescriptor");

    const again = await session.getAccount(created.account.reference);
    expect(again?.location).toBe(`cn=Jane Doe,${container}`);
    expect(await session.getAccount("00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("escapes DN values: a comma in the name stays part of the name", async () => {
    const { session, container } = await adShaped();
    const created = await session.createAccount({ data: { ...jane, cn: "Doe, Jane (+1)", sAMAccountName: "jdoe-comma" }, enabled: true });
    // slapd answers the DN with hexadecimal escapes (\2C): the name itself is unchanged.
    expect(created.account.location).toBe(`cn=Doe\\2C Jane (\\2B1),${container}`);
    expect(created.account.container).toBe(container);
    expect(created.account.data.cn).toBe("Doe, Jane (+1)");
    expect(created.account.data.userAccountControl).toBe("512");
  });

  it("learns each new account's entryUUID from its add (post-read control): no read-back search per create", async () => {
    const container = await slapdContainer(slapd.peer);
    const relay = await startDirectoryRelay(slapd.peer.url);
    onTestFinished(() => relay.close());
    const { session } = await openLdap({ ...adShapedSettings(slapd.peer, container), url: relay.url });
    const names = ["ada", "bob", "cy", "dee", "eve"];
    // A lane's creates in flight together, as the engine runs them.
    const created = await Promise.all(names.map((name) => session.createAccount({ data: { ...jane, cn: name, sAMAccountName: name }, enabled: name !== "bob" })));
    expect(relay.take()).toEqual(["bind", "search", ...names.map(() => "add")]);

    expect(new Set(created.map(({ account }) => account.reference)).size).toBe(names.length);
    for (const [index, { account, outcome }] of created.entries()) {
      const stored = await readDirectly(slapd.peer, `cn=${names[index]},${container}`, ["entryUUID"]);
      expect(outcome).toBe("done");
      expect(account.reference).toBe(stored?.entryUUID);
      expect(account.location).toBe(`cn=${names[index]},${container}`);
      expect(account.enabled).toBe(names[index] !== "bob");
      expect(account.data).toMatchObject({ sAMAccountName: names[index], employeeID: "1001", mail: jane.mail });
    }
  });

  it("answers whether a unique value is taken anywhere in the directory, except by the account itself", async () => {
    const { session } = await adShaped();
    const elsewhere = await slapdContainer(slapd.peer, "elsewhere");
    const { session: other } = await openLdap(adShapedSettings(slapd.peer, elsewhere));
    const created = await session.createAccount({ data: { ...jane, sAMAccountName: "unique" }, enabled: false });
    await other.createAccount({ data: { ...jane, cn: "John Doe", sAMAccountName: "unique3" }, enabled: false });

    expect(await session.valueInUse("sAMAccountName", "unique")).toBe(true);
    expect(await session.valueInUse("sAMAccountName", "UNIQUE")).toBe(true);
    expect(await session.valueInUse("sAMAccountName", "unique2")).toBe(false);
    // Taken outside this system's base DN still blocks the value: the directory would refuse it.
    expect(await session.valueInUse("sAMAccountName", "unique3")).toBe(true);
    expect(await session.valueInUse("sAMAccountName", "unique", created.account.reference)).toBe(false);
    // Many at once (a run's batch of new accounts): the ones that may be taken, as asked.
    expect(await session.valuesMaybeInUse!("sAMAccountName", ["UNIQUE", "unique2", "unique3"])).toEqual(new Set(["UNIQUE", "unique3"]));
  });

  it("flips only the disabled bit of userAccountControl and keeps the other flags", async () => {
    const { session } = await adShaped();
    const { account } = await session.createAccount({ data: jane, enabled: false });
    const dontExpirePassword = 0x10000;
    await withClient(slapd.peer, (client) =>
      client.modify(account.location!, new Change({ operation: "replace", modification: new Attribute({ type: "userAccountControl", values: [String(514 | dontExpirePassword)] }) })),
    );

    const enabled = await session.setAccountEnabled(account.reference, true);
    expect(enabled.outcome).toBe("done");
    expect((await readDirectly(slapd.peer, account.location!))?.userAccountControl).toBe(String(512 | dontExpirePassword));
    expect((await session.setAccountEnabled(account.reference, true)).outcome).toBe("already");

    await session.setAccountEnabled(account.reference, false);
    expect((await readDirectly(slapd.peer, account.location!))?.userAccountControl).toBe(String(514 | dontExpirePassword));
    expect((await session.getAccount(account.reference))?.enabled).toBe(false);
  });

  it("updates only what changed, clears nulls, renames and moves the account, keeping its reference", async () => {
    const { session, container } = await adShaped();
    const otherOu = await slapdContainer(slapd.peer, "moved", container);
    const { account } = await session.createAccount({ data: { ...jane, title: "Teacher", telephoneNumber: "+31 20 555 0100" }, enabled: false });
    // Changed by hand in the directory and not part of the update: it must survive.
    await withClient(slapd.peer, (client) =>
      client.modify(account.location!, new Change({ operation: "replace", modification: new Attribute({ type: "description", values: ["set by hand"] }) })),
    );

    const result = await session.updateAccount(account.reference, {
      changes: { title: "Head of Maths", telephoneNumber: null, sn: "Doe", cn: "Jane Doe-Smith" },
      container: otherOu,
    });
    expect(result.outcome).toBe("done");
    expect(result.messages).toEqual(["changed title, telephoneNumber", "renamed to cn=Jane Doe-Smith", `moved to ${otherOu}`]);
    expect(result.account?.reference).toBe(account.reference);
    expect(result.account?.location).toBe(`cn=Jane Doe-Smith,${otherOu}`);

    const entry = await readDirectly(slapd.peer, `cn=Jane Doe-Smith,${otherOu}`);
    expect(entry).toMatchObject({ title: "Head of Maths", description: "set by hand", sn: "Doe" });
    expect(entry?.telephoneNumber).toBeUndefined();
    expect(await readDirectly(slapd.peer, `cn=Jane Doe,${container}`)).toBeUndefined();

    const repeated = await session.updateAccount(account.reference, { changes: { title: "Head of Maths" } });
    expect(repeated.outcome).toBe("already");
  });

  it("refuses a container outside the base DN, where the account could never be found again", async () => {
    const { session, container } = await adShaped();
    const outside = await slapdContainer(slapd.peer, "outside");
    const { account } = await session.createAccount({ data: jane, enabled: false });
    await expect(session.updateAccount(account.reference, { changes: {}, container: outside })).rejects.toThrow(
      `the container ${outside} is outside the base DN ${container}: map containers under the base DN, or widen the base DN`,
    );
    await expect(session.createAccount({ data: { ...jane, cn: "Elsewhere" }, container: outside, enabled: false })).rejects.toThrow("is outside the base DN");
    expect((await session.getAccount(account.reference))?.container).toBe(container);
  });

  it("finds 0, 1 or 2 accounts for a correlation value", async () => {
    const { session } = await adShaped();
    await session.createAccount({ data: { ...jane, employeeID: "2001" }, enabled: false });
    await session.createAccount({ data: { ...jane, cn: "Jan Doe", sAMAccountName: "jandoe", employeeID: "2002" }, enabled: false });
    await session.createAccount({ data: { ...jane, cn: "Janet Doe", sAMAccountName: "janetdoe", employeeID: "2002" }, enabled: false });

    expect(await session.findAccounts("employeeID", "2000")).toEqual([]);
    expect((await session.findAccounts("employeeID", "2001")).map((found) => found.data.cn)).toEqual(["Jane Doe"]);
    expect((await session.findAccounts("employeeID", "2002")).map((found) => found.data.cn).sort()).toEqual(["Jan Doe", "Janet Doe"]);
    // A value with filter syntax in it is a value, not a filter.
    expect(await session.findAccounts("employeeID", "*")).toEqual([]);
  });

  it("deletes an account; deleting it again reports it already gone", async () => {
    const { session } = await adShaped();
    const { account } = await session.createAccount({ data: jane, enabled: false });
    expect((await session.deleteAccount(account.reference)).outcome).toBe("done");
    expect(await readDirectly(slapd.peer, account.location!)).toBeUndefined();
    expect(await session.getAccount(account.reference)).toBeNull();
    expect((await session.deleteAccount(account.reference)).outcome).toBe("already");
  });

  it("lists every account page by page with the paged-results control", async () => {
    const { session } = await adShaped();
    for (let index = 1; index <= 7; index += 1) {
      await session.createAccount({ data: { ...jane, cn: `Person ${index}`, sAMAccountName: `p${index}` }, enabled: false });
    }
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await session.listAccounts({ limit: 3, ...(cursor ? { cursor } : {}) });
      pages.push(page.accounts.map((account) => String(account.data.cn)));
      cursor = page.cursor;
    } while (cursor);
    expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
    expect(pages.flat().sort()).toEqual(["Person 1", "Person 2", "Person 3", "Person 4", "Person 5", "Person 6", "Person 7"]);
  });
});
