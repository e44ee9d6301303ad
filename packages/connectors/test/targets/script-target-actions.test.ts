import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConnectorError, findTargetConnector, moveScriptTargetSecrets, scriptTargetConnector, targetCatalogueJson, type TargetSession } from "../../src/index.ts";
import { APP_TOKEN, startScriptAppPeer, type ScriptAppPeer } from "./script-app-peer.ts";
import { appScript } from "./script-app-script.ts";

const PASSWORD = "Initial-Passw0rd-91";

let peer: ScriptAppPeer;
beforeAll(async () => {
  peer = await startScriptAppPeer();
});
afterAll(() => peer.close());

function open(mode: "plan" | "apply", script = appScript) {
  return scriptTargetConnector.open({
    mode,
    settings: { script, config: { baseUrl: peer.origin }, allowedHosts: ["127.0.0.1"], actionTimeoutMs: 20_000 },
    secrets: { apiToken: APP_TOKEN },
  });
}

describe("script target: every action reaches the application with its context", () => {
  let session: TargetSession;
  beforeAll(async () => {
    session = await open("apply");
  });
  afterAll(() => session.close());

  it("is in the target catalogue, and its secret-looking config values move to the secrets", () => {
    expect(findTargetConnector("script")).toBe(scriptTargetConnector);
    const described = targetCatalogueJson().find((connector) => connector.type === "script");
    expect(described?.settingsSchema).toMatchObject({ properties: { script: { type: "string" }, actionTimeoutMs: { maximum: 300_000 } } });
    const moved = moveScriptTargetSecrets({ script: "x", config: { baseUrl: "https://app.example.com", apiToken: APP_TOKEN } });
    expect(moved).toEqual({ settings: { script: "x", config: { baseUrl: "https://app.example.com" } }, secrets: { apiToken: APP_TOKEN }, problems: [] });
  });

  it("creates, updates, disables, enables, grants, revokes, finds, lists and deletes an account", async () => {
    expect(await session.testConnection()).toEqual({ message: "the app answers" });

    const person = { displayName: "Jane Doe" };
    const created = await session.createAccount({ data: { employeeId: "E100", userName: "jdoe" }, password: PASSWORD, enabled: false, person } as never);
    expect(created).toMatchObject({ outcome: "done", messages: ["created jdoe for Jane Doe in apply"], account: { enabled: false, data: { employeeId: "E100", userName: "jdoe" } } });
    const reference = created.account.reference;
    expect(peer.users.get(reference)).toMatchObject({ employeeId: "E100", userName: "jdoe", active: false, password: PASSWORD });
    expect(peer.log.at(-1)).toMatchObject({ method: "POST", path: "/users", authorization: `Bearer ${APP_TOKEN}` });

    const updated = await session.updateAccount(reference, { changes: { userName: "jane.doe" }, previous: { userName: "jdoe" } } as never);
    expect(updated).toEqual({ outcome: "done", messages: ["userName jdoe -> jane.doe"] });
    expect(peer.log.at(-1)).toMatchObject({ method: "PATCH", path: `/users/${reference}`, body: { userName: "jane.doe" } });

    await session.setAccountEnabled(reference, true);
    expect(peer.users.get(reference)?.active).toBe(true);
    await session.setAccountEnabled(reference, false);
    expect(peer.users.get(reference)?.active).toBe(false);

    expect(await session.grantPermission(reference, "g-sales")).toEqual({ outcome: "done", messages: [] });
    expect(await session.grantPermission(reference, "g-sales")).toEqual({ outcome: "already", messages: [] });
    await session.grantPermission(reference, "g-staff");
    expect(await session.accountPermissions(reference)).toEqual(["g-sales", "g-staff"]);
    await session.revokePermission(reference, "g-sales");
    expect([...peer.users.get(reference)!.groups]).toEqual(["g-staff"]);
    expect(peer.log.at(-1)).toMatchObject({ method: "DELETE", path: `/users/${reference}/groups/g-sales` });

    expect(await session.findAccounts("employeeId", "E100")).toEqual([
      { reference, enabled: false, displayName: "jane.doe", data: { employeeId: "E100", userName: "jane.doe" } },
    ]);
    expect(await session.findAccounts("employeeId", "E999")).toEqual([]);
    expect(await session.valueInUse("employeeId", "E100")).toBe(true);
    expect(await session.valueInUse("employeeId", "E100", reference)).toBe(false);
    expect(await session.getAccount(reference)).toMatchObject({ reference, enabled: false });
    expect(await session.listPermissions()).toEqual([
      { reference: "g-sales", displayName: "Sales", kind: "group" },
      { reference: "g-staff", displayName: "Staff", kind: "group" },
    ]);

    const second = await session.createAccount({ data: { employeeId: "E101", userName: "bsmith" }, enabled: true });
    const firstPage = await session.listAccounts({ limit: 1 });
    expect(firstPage).toMatchObject({ accounts: [{ reference }], cursor: "1" });
    expect(await session.listAccounts({ limit: 1, cursor: firstPage.cursor! })).toEqual({
      accounts: [{ reference: second.account.reference, enabled: true, displayName: "bsmith", data: { employeeId: "E101", userName: "bsmith" } }],
    });

    expect(await session.deleteAccount(reference)).toEqual({ outcome: "done", messages: [`deleted ${reference}`] });
    expect(peer.users.has(reference)).toBe(false);
    expect(await session.getAccount(reference)).toBeNull();
  }, 60_000);

  it("never shows the token or the password in what it returns, while the application gets both", async () => {
    const echo = String.raw`export async function create({ password, config, secrets, http }) {
      const response = await http.post(config.baseUrl + "/echo", { headers: { authorization: "Bearer " + secrets.apiToken }, json: { password } });
      return { success: true, reference: "r1", data: { echoed: response.text, token: secrets.apiToken }, messages: [response.text, "password " + password] };
    }
    export async function update({ config, secrets, http }) {
      const response = await http.get(config.baseUrl + "/echo", { headers: { authorization: "Bearer wrong-" + secrets.apiToken } });
      throw new Error("the app said " + response.text);
    }`;
    const echoing = await open("apply", echo);
    try {
      const created = await echoing.createAccount({ data: {}, password: PASSWORD, enabled: true });
      expect(peer.log.at(-1)).toMatchObject({ authorization: `Bearer ${APP_TOKEN}`, body: { password: PASSWORD } });
      const error = await echoing.updateAccount("r1", { changes: {} }).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(ConnectorError);
      expect((error as Error).message).toContain("The script's update() failed at line 7: the app said");
      const shown = JSON.stringify(created) + (error as Error).message;
      expect(shown).not.toContain(APP_TOKEN);
      expect(shown).not.toContain(PASSWORD);
      expect(created.messages[1]).toBe("password {{secret:account.password}}");
    } finally {
      await echoing.close();
    }
  }, 30_000);
});
