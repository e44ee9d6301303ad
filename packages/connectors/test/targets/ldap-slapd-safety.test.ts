import { freePort, useSlapd } from "@idlife/testing/peers";
import { describe, expect, it, onTestFinished } from "vitest";
import { BusyError, UnavailableError } from "ldapts";
import { ConnectorError, PlanModeWriteRefused, TargetBusyError } from "../../src/index.ts";
import { translateLdapError } from "../../src/targets/ldap/ldap-errors.ts";
import { planModeDirectory } from "../../src/targets/ldap/ldap-transport.ts";
import { connectorErrorOf } from "../helpers/expect-connector-error.ts";
import { adShapedSettings, dnsUnder, openLdap, readDirectly, slapdContainer, startDirectoryRelay } from "./ldap-test-directory.ts";

// Plan mode, refused input and unreachable or unwilling directories.
const slapd = useSlapd();

describe("LDAP connector: plan mode refuses every write at the transport", () => {
  it("reads in plan mode, refuses create/update/enable/delete/grant/revoke/createPermission, and leaves the directory unchanged", async () => {
    const container = await slapdContainer(slapd.peer);
    const settings = adShapedSettings(slapd.peer, container);
    const { session: apply } = await openLdap(settings);
    const { account } = await apply.createAccount({ data: { cn: "Jane Doe", sAMAccountName: "jdoe", sn: "Doe", employeeID: "42" }, enabled: false });
    const group = await apply.createPermission!("Teachers", "group");
    await apply.grantPermission(account.reference, group.reference);
    const before = await dnsUnder(slapd.peer, container);
    const entryBefore = await readDirectly(slapd.peer, account.location!);

    const relay = await startDirectoryRelay(slapd.peer.url);
    onTestFinished(() => relay.close());
    const { session: plan, refused } = await openLdap({ ...settings, url: relay.url }, "plan");
    expect((await plan.getAccount(account.reference))?.data.sAMAccountName).toBe("jdoe");
    expect(await plan.findAccounts("employeeID", "42")).toHaveLength(1);
    expect(await plan.valueInUse("sAMAccountName", "jdoe")).toBe(true);
    expect(await plan.accountPermissions(account.reference)).toEqual([group.reference]);

    const writes: (() => Promise<unknown>)[] = [
      () => plan.createAccount({ data: { cn: "John Doe", sAMAccountName: "john", sn: "Doe" }, enabled: true }),
      () => plan.updateAccount(account.reference, { changes: { title: "Head" }, container: `ou=elsewhere,${container}` }),
      () => plan.updateAccount(account.reference, { changes: { cn: "Jane Doe-Smith" } }),
      () => plan.setAccountEnabled(account.reference, true),
      () => plan.deleteAccount(account.reference),
      () => plan.revokePermission(account.reference, group.reference),
      () => plan.createPermission!("Students", "group"),
    ];
    for (const write of writes) await expect(write()).rejects.toBeInstanceOf(PlanModeWriteRefused);
    // Granting what is held already writes nothing, so plan mode answers it like apply mode.
    expect((await plan.grantPermission(account.reference, group.reference)).outcome).toBe("already");

    expect(refused.map((write) => write.description.split(" ")[0])).toEqual(["add", "modify", "rename", "modify", "delete", "modify", "add"]);
    expect(refused[1]!.description).toBe(`modify ${account.location} (replace title)`);
    expect(await dnsUnder(slapd.peer, container)).toEqual(before);
    expect(await readDirectly(slapd.peer, account.location!)).toEqual(entryBefore);
    // The directory's request log: not one writing request left the plan session.
    expect(new Set(relay.take())).toEqual(new Set(["bind", "search"]));
  });

  it("refuses extended operations too (password changes go that way)", async () => {
    const client = await slapd.peer.connect();
    const refused: string[] = [];
    try {
      const directory = planModeDirectory(client, (write) => refused.push(write.description));
      await expect(directory.exop("1.3.6.1.4.1.4203.1.11.1")).rejects.toBeInstanceOf(PlanModeWriteRefused);
      expect(refused).toEqual(["run the extended operation 1.3.6.1.4.1.4203.1.11.1"]);
    } finally {
      await client.unbind();
    }
  });
});

describe("LDAP connector: errors an administrator can act on", () => {
  it("names the bind DN when the password is wrong", async () => {
    const settings = { ...adShapedSettings(slapd.peer, slapd.peer.baseDn), password: "wrong" };
    const error = await connectorErrorOf(openLdap(settings));
    expect(error.code).toBe("credentials_refused");
    expect(error.message).toContain(`the directory refused the bind for ${slapd.peer.bindDn}: wrong password or account locked`);
    expect(error.message).not.toContain("wrong)");
  });

  it("binds again after the directory dropped the connection, so nothing runs anonymously", async () => {
    const container = await slapdContainer(slapd.peer);
    const relay = await startDirectoryRelay(slapd.peer.url);
    try {
      const { session } = await openLdap({ ...adShapedSettings(slapd.peer, container), url: relay.url });
      const { account } = await session.createAccount({ data: { cn: "Jane Doe", sAMAccountName: "jdoe", sn: "Doe" }, enabled: false });
      // The root entry (once per session: has the directory post-read?), then the add that answers with the entry.
      expect(relay.take()).toEqual(["bind", "search", "add"]);
      await relay.cut();
      expect((await session.getAccount(account.reference))?.location).toBe(account.location);
      // An anonymous connection could read here but not write: the write proves the new bind.
      expect((await session.setAccountEnabled(account.reference, true)).outcome).toBe("done");
      expect(relay.connections()).toBe(2);
    } finally {
      await relay.close();
    }
  });

  it("reports a port where nothing listens as busy, so the engine retries later", async () => {
    const port = await freePort();
    const settings = { ...adShapedSettings(slapd.peer, slapd.peer.baseDn), url: `ldap://127.0.0.1:${port}` };
    const error = await openLdap(settings).then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(TargetBusyError);
    expect((error as Error).message).toBe(`the directory at ldap://127.0.0.1:${port} cannot be reached while binding as ${slapd.peer.bindDn} (ECONNREFUSED); trying again later`);
  });

  it("turns the directory's busy (51) and unavailable (52) answers into TargetBusyError", () => {
    for (const answer of [new BusyError("server busy"), new UnavailableError("shutting down")]) {
      const error = translateLdapError(answer, { doing: "adding cn=x,dc=example,dc=test", url: "ldap://dc.example.test" });
      expect(error).toBeInstanceOf(TargetBusyError);
      expect(error.message).toMatch(/^the directory at ldap:\/\/dc\.example\.test is busy or unavailable \((server busy|shutting down)\) while adding cn=x,dc=example,dc=test; trying again later$/);
      expect((error as TargetBusyError).retryAfterMs).toBe(5_000);
    }
  });

  it("refuses settings that are not usable, naming each field", async () => {
    const error = await connectorErrorOf(openLdap({ ...adShapedSettings(slapd.peer, slapd.peer.baseDn), url: "http://dc.example.org", pageSize: 5000, accountFilter: "objectClass=user(" }));
    expect(error.code).toBe("invalid_settings");
    expect(error.message).toContain("url: must be ldap://host[:port] or ldaps://host[:port]");
    expect(error.message).toContain("pageSize: Too big");
    expect(error.message).toContain("accountFilter: must be an LDAP search filter");
  });

  it("refuses to send a password over an unprotected connection", async () => {
    const container = await slapdContainer(slapd.peer);
    const { session } = await openLdap(adShapedSettings(slapd.peer, container));
    const error = await connectorErrorOf(session.createAccount({ data: { cn: "Jane Doe", sn: "Doe" }, enabled: true, password: "S3cret-Passw0rd!" }));
    expect(error.code).toBe("insecure_connection");
    expect(error.message).toBe("a password is only sent over a protected connection: use an ldaps:// URL or turn on StartTLS");
    expect(await dnsUnder(slapd.peer, container)).toEqual([container]);
  });

  it("passes on the directory's reason for a schema violation, and refuses attributes the connector owns", async () => {
    const container = await slapdContainer(slapd.peer);
    const { session } = await openLdap(adShapedSettings(slapd.peer, container));
    const schema = await connectorErrorOf(session.createAccount({ data: { cn: "Jane Doe", sn: "Doe", favouriteColour: "blue" }, enabled: false }));
    expect(schema.code).toBe("target_refused");
    expect(schema.message).toContain("favouriteColour");
    const owned = await connectorErrorOf(session.createAccount({ data: { cn: "Jane Doe", userAccountControl: 66048 }, enabled: false }));
    expect(owned.message).toBe("userAccountControl follows the account's access (enabled or disabled): remove it from the field mapping");
    const forbidden = await connectorErrorOf(session.createAccount({ data: JSON.parse('{"cn":"Jane","__proto__":"x"}') as Record<string, string>, enabled: false }));
    expect(forbidden).toBeInstanceOf(ConnectorError);
    expect(forbidden.message).toContain("'__proto__' is not an LDAP attribute name");
  });
});
