import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScriptTargetSandbox, SandboxError } from "../src/index.ts";

let server: Server;
let origin: string;
const received: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    received.push(`${request.method} ${request.url}`);
    response.writeHead(200, { "content-type": "application/json" });
    response.end(request.method === "HEAD" ? undefined : JSON.stringify({ id: "x1" }));
  });
  await new Promise<void>((resolveListen) => server.listen(0, "127.0.0.1", resolveListen));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolveClose) => server.close(resolveClose)));

function sandbox(script: string, mode: "plan" | "apply", onRefusedWrite?: (description: string) => void) {
  return new ScriptTargetSandbox(script, {
    config: { baseUrl: origin },
    secrets: { apiKey: "key-0f9e8d7c6b" },
    http: { allowedHosts: ["127.0.0.1"] },
    mode,
    timeoutMs: 10_000,
    ...(onRefusedWrite ? { onRefusedWrite } : {}),
  });
}

describe("target scripts in the sandbox", () => {
  it("find each action's function: top level, exported under its name, or a method of the default export; delete as remove", async () => {
    const forms = [
      "async function remove({ reference }) { return { success: true, messages: ['top ' + reference] }; }",
      "async function deleteAccount({ reference }) { return { success: true, messages: ['named ' + reference] }; }\nexport { deleteAccount as delete };",
      "export default { async delete({ reference }) { return { success: true, messages: ['default ' + reference] }; } };",
    ];
    const answers = [];
    for (const script of forms) {
      const target = sandbox(script, "apply");
      try {
        answers.push((await target.run("delete", { reference: "r9" })).messages);
      } finally {
        target.close();
      }
    }
    expect(answers).toEqual([["top r9"], ["named r9"], ["default r9"]]);
  }, 60_000);

  it("names the missing function", async () => {
    const target = sandbox("async function create() { return { success: true }; }", "apply");
    try {
      const error = await target.run("update", {}).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(SandboxError);
      expect((error as Error).message).toBe("The script does not define update(); add async function update(context) to it");
    } finally {
      target.close();
    }
  });

  it("in plan mode sends GET and HEAD, refuses the rest before it leaves, and describes it without its query", async () => {
    const script = `export async function create({ config, secrets, http, mode }) {
      await http.get(config.baseUrl + "/users?q=1");
      await http.head(config.baseUrl + "/users");
      const refused = [];
      for (const method of ["post", "put", "patch", "delete"]) {
        try {
          await http[method](config.baseUrl + "/users?key=" + secrets.apiKey, { json: {} });
        } catch (error) {
          refused.push(error.message);
        }
      }
      return { success: true, reference: "planned", messages: [mode, ...refused] };
    }`;
    const refusedWrites: string[] = [];
    const target = sandbox(script, "plan", (description) => refusedWrites.push(description));
    received.length = 0;
    try {
      const result = await target.run("create", {});
      expect(received).toEqual(["GET /users?q=1", "HEAD /users"]);
      expect(refusedWrites).toEqual(["POST", "PUT", "PATCH", "DELETE"].map((method) => `write ${method} ${origin}/users`));
      expect(result.messages[0]).toBe("plan");
      expect(result.messages[1]).toBe(`Not sent: this is a preview (plan mode), which only reads; it would write POST ${origin}/users`);
    } finally {
      target.close();
    }

    const applying = sandbox(script, "apply");
    received.length = 0;
    try {
      expect((await applying.run("create", {})).messages).toEqual(["apply"]);
      expect(received).toHaveLength(6);
    } finally {
      applying.close();
    }
  }, 60_000);
});
