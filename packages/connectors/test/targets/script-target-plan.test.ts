import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PlanModeWriteRefused, scriptTargetConnector, type RefusedWrite } from "../../src/index.ts";
import { APP_TOKEN, startScriptAppPeer, type ScriptAppPeer } from "./script-app-peer.ts";
import { appScript } from "./script-app-script.ts";

let peer: ScriptAppPeer;
beforeAll(async () => {
  peer = await startScriptAppPeer();
});
afterAll(() => peer.close());

async function openPlan(script: string) {
  const refused: RefusedWrite[] = [];
  const session = await scriptTargetConnector.open({
    mode: "plan",
    settings: { script, config: { baseUrl: peer.origin }, allowedHosts: ["127.0.0.1"] },
    secrets: { apiToken: APP_TOKEN },
    onRefusedWrite: (write) => refused.push(write),
  });
  return { session, refused };
}

const writes = (peerLog: ScriptAppPeer["log"]) => peerLog.filter((request) => request.method !== "GET" && request.method !== "HEAD");

describe("script target in plan mode (a preview)", () => {
  it("reads, but refuses every write: none reaches the application and each is reported as 'would write ...'", async () => {
    const { session, refused } = await openPlan(appScript);
    try {
      peer.users.set("u1", { id: "u1", employeeId: "E1", userName: "existing", active: true, groups: new Set() });
      const logBefore = peer.log.length;
      // The administrator's script does not check the mode: its POST is refused at the bridge.
      const error = await session.createAccount({ data: { employeeId: "E200", userName: "plan" }, password: "Secret-Passw0rd-1", enabled: true }).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(PlanModeWriteRefused);
      expect((error as Error).message).toBe(`Plan mode refuses writes: would write POST ${peer.origin}/users`);
      await expect(session.grantPermission("u1", "g-sales")).rejects.toBeInstanceOf(PlanModeWriteRefused);

      expect(refused).toEqual([{ description: `write POST ${peer.origin}/users` }, { description: `write PUT ${peer.origin}/users/u1/groups/g-sales` }]);
      const sent = peer.log.slice(logBefore);
      expect(sent.map((request) => `${request.method} ${request.path}`)).toEqual(["GET /users?employeeId=E200", "GET /users/u1"]);
      expect(writes(peer.log)).toEqual([]);
      expect([...peer.users.keys()]).toEqual(["u1"]);
      expect(peer.users.get("u1")?.groups.size).toBe(0);
      // Reads still work in a preview.
      expect(await session.findAccounts("employeeId", "E200")).toEqual([]);
    } finally {
      await session.close();
    }
  }, 30_000);

  it("tells the script why its write failed and knows the mode, so a careful script can plan instead", async () => {
    const careful = String.raw`export async function update({ reference, account, mode, config, http }) {
      try {
        await http.patch(config.baseUrl + "/users/" + reference, { json: account });
      } catch (error) {
        return { success: true, messages: ["mode " + mode + ": " + error.message] };
      }
      return { success: true, messages: ["sent"] };
    }
    export async function test({ http, config }) {
      const head = await http.head(config.baseUrl + "/groups");
      return { success: true, messages: ["HEAD answered " + head.status] };
    }`;
    const { session, refused } = await openPlan(careful);
    try {
      const result = await session.updateAccount("u7", { changes: { userName: "x" } });
      expect(result.messages).toEqual([`mode plan: Not sent: this is a preview (plan mode), which only reads; it would write PATCH ${peer.origin}/users/u7`]);
      expect(refused).toEqual([{ description: `write PATCH ${peer.origin}/users/u7` }]);
      expect(await session.testConnection()).toEqual({ message: "HEAD answered 401" });
      expect(writes(peer.log)).toEqual([]);
    } finally {
      await session.close();
    }
  }, 30_000);
});
