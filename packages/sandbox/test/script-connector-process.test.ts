import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runScriptConnector, SandboxError } from "../src/index.ts";

const API_KEY = "s3cret-api-key-4711";
const PASSWORD = "pa55word-of-the-hr-api";

let server: Server;
let origin: string;
const received: Array<{ url: string; headers: IncomingHttpHeaders; body: string }> = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      received.push({ url: request.url ?? "", headers: request.headers, body });
      // An API that echoes what it was sent, as some do in errors: the secrets come back.
      response.writeHead(200, { "content-type": "application/json", "x-echo": String(request.headers.authorization) });
      response.end(JSON.stringify({ authorization: request.headers.authorization, url: request.url, body }));
    });
  });
  await new Promise<void>((resolveListen) => server.listen(0, "127.0.0.1", resolveListen));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolveClose) => server.close(resolveClose)));

describe("script connectors in a sandbox process", () => {
  it("fail with a clear reason when the script makes V8 abort, and this process carries on", async () => {
    const outcome = await runScriptConnector("async function main() {\n  new Array(2 ** 30).fill(0);\n  return { persons: [] };\n}", {
      config: {},
      http: { allowedHosts: [] },
    }).catch((error: unknown) => error);
    expect(outcome).toBeInstanceOf(SandboxError);
    expect(outcome).toMatchObject({ kind: "crashed", message: expect.stringContaining("The script connector stopped its sandbox process (V8 ran out of memory or crashed)") });

    const after = await runScriptConnector("async function main() { return { persons: [{ ok: true }] }; }", { config: {}, http: { allowedHosts: [] } });
    expect(after.persons).toEqual([{ ok: true }]);
  }, 120_000);

  it("refuse import() with the reason", async () => {
    await expect(
      runScriptConnector("async function main() { await import('node:fs'); return { persons: [] }; }", { config: {}, http: { allowedHosts: [] } }),
    ).rejects.toMatchObject({ message: expect.stringContaining("Script connectors cannot import modules") });
  });

  it("refuse limits above the hard caps", async () => {
    const run = (limits: { timeoutMs?: number; memoryLimitMb?: number }) =>
      runScriptConnector("async function main() { return { persons: [] }; }", { config: {}, http: { allowedHosts: [] }, ...limits });
    await expect(run({ timeoutMs: 30 * 60_000 + 1 })).rejects.toThrow(/timeoutMs/);
    await expect(run({ memoryLimitMb: 1025 })).rejects.toThrow(/memoryLimitMb/);
  });
});

describe("script connector secrets", () => {
  const script = `export default async function ({ config, secrets, http, log }) {
    const base64 = (text) => {
      const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
      let bits = "", out = "";
      for (const character of text) bits += character.charCodeAt(0).toString(2).padStart(8, "0");
      for (let at = 0; at < bits.length; at += 6) out += alphabet[parseInt(bits.slice(at, at + 6).padEnd(6, "0"), 2)];
      return out + "=".repeat((4 - (out.length % 4)) % 4);
    };
    const bearer = await http.get(config.baseUrl + "/persons?key=" + encodeURIComponent(secrets.apiKey), {
      headers: { authorization: "Bearer " + secrets.apiKey },
      query: { also: secrets.apiKey },
    });
    const basic = await http.post(config.baseUrl + "/login", {
      headers: { authorization: "Basic " + base64("hr-user:" + secrets.password) },
      json: { password: secrets.password },
    });
    log("using", secrets.apiKey, "got", bearer.text, basic.headers["x-echo"]);
    return { persons: [{ ExternalId: "1", key: secrets.apiKey, config, bearer: bearer.json(), basic: basic.json(), echoed: basic.headers["x-echo"] }] };
  }`;

  it("send the real values to the allowed host, while the script and what it returns hold none", async () => {
    received.length = 0;
    const logs: string[] = [];
    const result = await runScriptConnector(script, {
      config: { baseUrl: origin },
      secrets: { apiKey: API_KEY, password: PASSWORD },
      http: { allowedHosts: ["127.0.0.1"] },
      onLog: (line) => logs.push(line),
    });

    expect(received[0]).toMatchObject({ url: `/persons?key=${API_KEY}&also=${API_KEY}`, headers: { authorization: `Bearer ${API_KEY}` } });
    expect(received[1]).toMatchObject({
      headers: { authorization: `Basic ${Buffer.from(`hr-user:${PASSWORD}`).toString("base64")}` },
      body: JSON.stringify({ password: PASSWORD }),
    });
    const returned = JSON.stringify(result);
    for (const secret of [API_KEY, PASSWORD, Buffer.from(`hr-user:${PASSWORD}`).toString("base64")]) {
      expect(returned).not.toContain(secret);
      expect(logs.join("\n")).not.toContain(secret);
    }
    expect(result.persons[0]).toMatchObject({ ExternalId: "1", key: "{{secret:apiKey}}", config: { baseUrl: origin } });
  });

  it("never send a secret to a host allowed only through '*'", async () => {
    received.length = 0;
    await expect(
      runScriptConnector(script, { config: { baseUrl: origin }, secrets: { apiKey: API_KEY, password: PASSWORD }, http: { allowedHosts: ["*"] } }),
    ).rejects.toThrow("This request carries secrets, which are only sent to hosts listed by name");
    expect(received).toEqual([]);
  });
});
