// The Entra ID connector's account operations against the Graph test server: every request it
// sends must be one Graph accepts (the server checks each against Microsoft's metadata).
import { useGraphServer } from "../../../testing/src/peers/index.ts";
import { describe, expect, it } from "vitest";
import { findTargetConnector, targetCatalogueJson } from "../../src/index.ts";
import { expectAllAccepted, newPersonData, openEntra, PASSWORD } from "./entra-session-helper.ts";

const graph = useGraphServer({ pageSize: 100 });

describe("Entra ID accounts through Microsoft Graph", () => {
  it("is registered in the target catalogue with its secret field", () => {
    const connector = findTargetConnector("entra-id");
    expect(connector?.secretFields).toEqual(["clientSecret"]);
    const described = targetCatalogueJson().find((entry) => entry.type === "entra-id")!;
    expect(Object.keys(described.settingsSchema.properties as object)).toEqual(expect.arrayContaining(["tenantId", "clientId", "clientSecret", "graphUrl", "tokenUrl", "usageLocation", "licences"]));
    expect(described.settingsSchema.required).toEqual(["tenantId", "clientId"]);
  });

  it("creates a user with the fields Graph requires, disabled and with a password to change", async () => {
    const from = graph.server.requests.length;
    const session = await openEntra(graph.server);
    const data = newPersonData(graph.server, { department: "Finance" });
    const created = await session.createAccount({ data, password: PASSWORD, enabled: false });
    expectAllAccepted(graph.server, from);
    const stored = graph.server.users.get(created.account.reference)!;
    expect(stored.properties).toMatchObject({ ...data, accountEnabled: false, mailNickname: data.userPrincipalName.split("@")[0], usageLocation: "NL" });
    expect(stored.password).toBe(PASSWORD);
    const post = graph.server.requests.slice(from).find((request) => request.method === "POST" && request.path === "/v1.0/users")!;
    expect(post.body).toMatchObject({ passwordProfile: { forceChangePasswordNextSignIn: true, password: "[redacted]" } });
    expect(created.account.enabled).toBe(false);
    expect(created.account.data.userPrincipalName).toBe(data.userPrincipalName);
    expect(JSON.stringify(created)).not.toContain(PASSWORD);
  });

  it("updates only what changed, enables and disables, and deletes", async () => {
    const session = await openEntra(graph.server);
    const { account } = await session.createAccount({ data: newPersonData(graph.server), password: PASSWORD, enabled: false });
    const from = graph.server.requests.length;
    await session.updateAccount(account.reference, { changes: { jobTitle: "Teacher", department: null } });
    const patch = graph.server.requests.slice(from).find((request) => request.method === "PATCH")!;
    expect(patch.body).toEqual({ jobTitle: "Teacher", department: null });
    expect((await session.getAccount(account.reference))?.data).toMatchObject({ jobTitle: "Teacher", department: null });

    expect((await session.setAccountEnabled(account.reference, true)).outcome).toBe("done");
    expect(graph.server.users.get(account.reference)!.properties.accountEnabled).toBe(true);
    expect((await session.setAccountEnabled(account.reference, true)).outcome).toBe("already");
    await session.setAccountEnabled(account.reference, false);
    expect((await session.getAccount(account.reference))?.enabled).toBe(false);

    expect((await session.deleteAccount(account.reference)).outcome).toBe("done");
    expect(graph.server.users.has(account.reference)).toBe(false);
    expect(await session.getAccount(account.reference)).toBeNull();
    expect((await session.deleteAccount(account.reference)).outcome).toBe("already");
    expectAllAccepted(graph.server, from + 1);
  });

  it("sets, changes and removes the manager reference", async () => {
    const session = await openEntra(graph.server);
    const boss = (await session.createAccount({ data: newPersonData(graph.server), password: PASSWORD, enabled: true })).account;
    const other = (await session.createAccount({ data: newPersonData(graph.server), password: PASSWORD, enabled: true })).account;
    const from = graph.server.requests.length;
    const worker = (await session.createAccount({ data: { ...newPersonData(graph.server), manager: boss.reference }, password: PASSWORD, enabled: true })).account;
    expect(graph.server.users.get(worker.reference)!.managerId).toBe(boss.reference);
    expect((await session.getAccount(worker.reference))?.data.manager).toBe(boss.reference);
    await session.updateAccount(worker.reference, { changes: { manager: other.reference } });
    expect(graph.server.users.get(worker.reference)!.managerId).toBe(other.reference);
    await session.updateAccount(worker.reference, { changes: { manager: null } });
    expect(graph.server.users.get(worker.reference)!.managerId).toBeUndefined();
    expectAllAccepted(graph.server, from);
  });

  it("finds accounts by $filter, with quotes in the value, and tells which values are in use", async () => {
    const session = await openEntra(graph.server);
    const data = newPersonData(graph.server, { employeeId: "O'Brien-7" });
    const { account } = await session.createAccount({ data, password: PASSWORD, enabled: true });
    const found = await session.findAccounts("employeeId", "O'Brien-7");
    expect(found.map((match) => match.reference)).toEqual([account.reference]);
    expect(await session.findAccounts("employeeId", "nobody")).toEqual([]);
    expect(await session.valueInUse("userPrincipalName", data.userPrincipalName)).toBe(true);
    expect(await session.valueInUse("userPrincipalName", data.userPrincipalName, account.reference)).toBe(false);
    expect(await session.valueInUse("mailNickname", "free-nickname")).toBe(false);
  });

  it("lists every account page by page through @odata.nextLink", async () => {
    const session = await openEntra(graph.server);
    for (let index = 0; index < 7; index++) await session.createAccount({ data: newPersonData(graph.server), password: PASSWORD, enabled: true });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await session.listAccounts({ cursor, limit: 3 });
      seen.push(...page.accounts.map((account) => account.reference));
      cursor = page.cursor;
      pages += 1;
    } while (cursor && pages < 100);
    expect(new Set(seen)).toEqual(new Set(graph.server.users.keys()));
    expect(pages).toBe(Math.ceil(graph.server.users.size / 3));
  });

  it("gives Graph's own message when Graph refuses a write", async () => {
    const session = await openEntra(graph.server);
    const data = newPersonData(graph.server);
    await session.createAccount({ data, password: PASSWORD, enabled: true });
    await expect(session.createAccount({ data, password: PASSWORD, enabled: true })).rejects.toMatchObject({
      name: "ConnectorError",
      message: expect.stringContaining("Another object with the same value for property userPrincipalName already exists."),
    });
    await expect(session.createAccount({ data: { ...newPersonData(graph.server), shoeSize: 44 }, password: PASSWORD, enabled: true })).rejects.toThrow(/Property 'shoeSize' does not exist/);
  });

  it("refuses, before sending anything, a prototype key, a mapped password and a create without a password", async () => {
    const session = await openEntra(graph.server);
    const from = graph.server.requests.length;
    const polluted = JSON.parse(`{"__proto__": "x", "displayName": "P"}`) as Record<string, string>;
    await expect(session.createAccount({ data: { ...newPersonData(graph.server), ...polluted }, password: PASSWORD, enabled: true })).rejects.toThrow(/'__proto__' cannot be an Entra ID attribute name/);
    await expect(session.createAccount({ data: { ...newPersonData(graph.server), password: "x" }, password: PASSWORD, enabled: true })).rejects.toThrow(/password policy/);
    await expect(session.createAccount({ data: newPersonData(graph.server), enabled: true })).rejects.toThrow(/give this target system a password policy/);
    expect(graph.server.requests.slice(from).filter((request) => request.method !== "GET")).toEqual([]);
  });
});
