import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runScriptConnector, SandboxError, type ScriptConnectorOptions } from "../src/index.ts";
import { HR_API_TOKEN, type HrApiServer, startHrApiServer } from "./support/hr-api-server.ts";

/** A script connector as an administrator would write it: pages through the HR API. */
const pagingScript = `
async function main({ config, http, log, progress }) {
  const headers = { authorization: \`Bearer \${config.token}\` };
  const persons = [];
  let page = 1;
  while (page) {
    const response = await http.get(\`\${config.baseUrl}/persons\`, { headers, query: { page, pageSize: config.pageSize } });
    if (!response.ok) throw new Error(\`HR API answered \${response.status}: \${response.text}\`);
    const { data, nextPage } = response.json();
    for (const employee of data) {
      persons.push({
        ExternalId: employee.id,
        DisplayName: \`\${employee.firstName} \${employee.lastName}\`,
        Contracts: employee.contracts.map((contract) => ({ ExternalId: contract.id, Department: contract.department })),
      });
    }
    progress({ fetched: persons.length });
    page = nextPage;
  }
  log("fetched", persons.length, "persons", { pages: config.pageSize });
  const departments = (await http.get(config.baseUrl + "/departments", { headers })).json()
    .map(({ code, name, parent }) => ({ ExternalId: code, DisplayName: name, ParentExternalId: parent }));
  return { persons, departments };
}
`;

describe("script connectors", () => {
  let server: HrApiServer;
  const options = (overrides: Partial<ScriptConnectorOptions> = {}): ScriptConnectorOptions => ({
    config: { baseUrl: server.origin, token: HR_API_TOKEN, pageSize: 10 },
    http: { allowedHosts: ["127.0.0.1"] },
    timeoutMs: 10_000,
    ...overrides,
  });

  beforeAll(async () => {
    server = await startHrApiServer(45);
  });
  afterAll(() => server.close());

  it("pages through a real HTTP API with the configuration it was given", async () => {
    const logs: string[] = [];
    const progress: number[] = [];
    const requestsBefore = server.requests.length;

    const result = await runScriptConnector(
      pagingScript,
      options({ onLog: (line) => logs.push(line), onProgress: ({ fetched }) => progress.push(fetched) }),
    );

    expect(result.persons).toHaveLength(45);
    expect(result.persons[44]).toEqual({
      ExternalId: "E1044",
      DisplayName: "First44 Last44",
      Contracts: [{ ExternalId: "C1044", Department: "HR" }],
    });
    expect(result.departments).toEqual([
      { ExternalId: "HR", DisplayName: "Human Resources", ParentExternalId: null },
      { ExternalId: "IT", DisplayName: "Information Technology", ParentExternalId: "HR" },
    ]);
    expect(server.requests.slice(requestsBefore)).toEqual([
      "GET /persons?page=1&pageSize=10",
      "GET /persons?page=2&pageSize=10",
      "GET /persons?page=3&pageSize=10",
      "GET /persons?page=4&pageSize=10",
      "GET /persons?page=5&pageSize=10",
      "GET /departments",
    ]);
    await expect.poll(() => progress).toEqual([10, 20, 30, 40, 45]);
    await expect.poll(() => logs).toEqual(['fetched 45 persons {"pages":10}']);
  });

  it("sends JSON bodies and accepts `export default` and console.log", async () => {
    const logs: string[] = [];
    const result = await runScriptConnector(
      `export default async function ({ config, http }) {
        const response = await http.post(config.baseUrl + "/echo", { headers: { authorization: "Bearer " + config.token }, json: { hello: "world" } });
        console.log("status", response.status);
        return { persons: [response.json()] };
      }`,
      options({ onLog: (line) => logs.push(line) }),
    );
    expect(result).toEqual({
      persons: [{ received: { hello: "world" }, contentType: "application/json" }],
      departments: [],
    });
    await expect.poll(() => logs).toEqual(["status 200"]);
  });

  it("rejects hosts that are not allowed, also behind a redirect, with a message the script can catch", async () => {
    const outcome = runScriptConnector(
      `async function main({ config, http, log }) {
        await http.get("http://localhost:${server.port}/persons");
      }`,
      options(),
    );
    await expect(outcome).rejects.toThrow(
      "Line 2: Requests to 'localhost' are not allowed; this connector may call: 127.0.0.1.",
    );

    const caught = await runScriptConnector(
      `async function main({ config, http }) {
        const messages = [];
        for (const url of ["https://evil.example/steal", config.baseUrl + "/redirect-elsewhere", "file:///etc/passwd", "not a url"]) {
          try { await http.get(url); } catch (error) { messages.push({ message: error.message }); }
        }
        return { persons: messages };
      }`,
      options(),
    );
    expect(caught.persons.map((person) => person["message"])).toEqual([
      expect.stringContaining("Requests to 'evil.example' are not allowed"),
      expect.stringContaining("Requests to 'localhost' are not allowed"),
      "Only http:// and https:// addresses can be requested, not file://",
      "'not a url' is not a valid address; use a full address such as https://api.example.com/employees",
    ]);
  });

  it("stops a script that makes too many requests or reads too much", async () => {
    await expect(
      runScriptConnector(pagingScript, options({ config: { baseUrl: server.origin, token: HR_API_TOKEN, pageSize: 1 }, http: { allowedHosts: ["127.0.0.1"], maxRequests: 5 } })),
    ).rejects.toThrow("The script made more than 5 HTTP requests, the limit for one run");

    await expect(
      runScriptConnector(
        `async function main({ config, http }) { await http.get(config.baseUrl + "/big"); }`,
        options({ http: { allowedHosts: ["127.0.0.1"], maxResponseBytes: 10_000 } }),
      ),
    ).rejects.toThrow(/The response from http:\/\/127\.0\.0\.1:\d+\/big is larger than 10 KB, the limit for one response/);
  });

  it("gives up on a request that does not answer in time", async () => {
    await expect(
      runScriptConnector(
        `async function main({ config, http }) { await http.get(config.baseUrl + "/slow"); }`,
        options({ http: { allowedHosts: ["127.0.0.1"], requestTimeoutMs: 100 } }),
      ),
    ).rejects.toThrow(/http:\/\/127\.0\.0\.1:\d+\/slow did not answer within 100 ms/);
  });

  it("stops the run while a request is still in flight", async () => {
    const startedAt = performance.now();
    await expect(
      runScriptConnector(
        `async function main({ config, http }) { await http.get(config.baseUrl + "/slow"); }`,
        options({ timeoutMs: 200 }),
      ),
    ).rejects.toMatchObject({ kind: "timeout" });
    expect(performance.now() - startedAt).toBeLessThan(900);
  });

  it("gives HTTP errors to the script as responses, and explains a body that is not JSON", async () => {
    await expect(
      runScriptConnector(
        `async function main({ config, http }) {
          const response = await http.get(config.baseUrl + "/html-error");
          return { persons: response.json() };
        }`,
        options(),
      ),
    ).rejects.toMatchObject({
      kind: "runtime",
      line: 3,
      message: expect.stringMatching(/is not JSON \(status 500\): <html><body>Gateway error/),
    });
  });

  it("explains results that are not { persons, departments }", async () => {
    const resultOf = (body: string) => runScriptConnector(`async function main() { ${body} }`, options());
    await expect(resultOf("")).rejects.toThrow(
      "main() must return { persons: [...], departments: [...] }; got undefined",
    );
    await expect(resultOf("return { data: [], total: 0 };")).rejects.toThrow(
      "main() must return { persons: [...], departments: [...] }; got an object with keys: data, total",
    );
    await expect(resultOf("return [];")).rejects.toThrow("got a list of 0 items (wrap it: { persons: [...] })");
    await expect(resultOf("return { persons: [{ Contracts: [] }, 'Jan', { Contracts: {} }] };")).rejects.toMatchObject({
      kind: "invalid-result",
      message: expect.stringMatching(/persons\[1\]: .*expected object.*persons\[2\]\.Contracts: .*expected array/),
    });
    await expect(runScriptConnector("const x = 1;", options())).rejects.toThrow(
      "The script must define async function main({ config, secrets, http, log, progress }) or export one as default",
    );
  });

  it("reports script errors and syntax errors with the script's line", async () => {
    await expect(
      runScriptConnector("async function main({ config }) {\n  const a = 1;\n  return config.missing.persons;\n}", options()),
    ).rejects.toMatchObject({
      name: "SandboxError",
      kind: "runtime",
      line: 3,
      message: "Line 3: TypeError: Cannot read properties of undefined (reading 'persons')",
    });
    await expect(runScriptConnector("async function main() {\n  return { persons: [ };\n}", options())).rejects.toMatchObject({
      kind: "syntax",
      line: 2,
    });
    await expect(runScriptConnector("import lodash from 'lodash';\nasync function main() {}", options())).rejects.toThrow(
      "Script connectors cannot import modules (found 'lodash')",
    );
  });

  it("has no Node or host globals", async () => {
    const result = await runScriptConnector(
      `async function main() {
        const names = ["require", "process", "fetch", "setTimeout", "Buffer", "WebAssembly"];
        const escape = (() => { try { return typeof this.constructor.constructor("return process")(); } catch (error) { return error.name; } })();
        return { persons: [Object.fromEntries(names.map((name) => [name, typeof globalThis[name]]))], departments: [{ escape }] };
      }`,
      options(),
    );
    expect(result.persons[0]).toEqual({
      require: "undefined",
      process: "undefined",
      fetch: "undefined",
      setTimeout: "undefined",
      Buffer: "undefined",
      WebAssembly: "undefined",
    });
    expect(result.departments[0]!["escape"]).not.toBe("object");
  });
});

describe("script connector limits", () => {
  it("stops an endless loop, also one that starts after an await, and the process carries on", async () => {
    for (const script of [
      "async function main() { while (true) {} }",
      "async function main() { await Promise.resolve(); for (;;) {} }",
      "while (true) {}\nasync function main() {}",
    ]) {
      const startedAt = performance.now();
      const outcome = await runScriptConnector(script, { config: {}, http: { allowedHosts: [] }, timeoutMs: 300 }).catch(
        (error: unknown) => error,
      );
      expect(outcome).toBeInstanceOf(SandboxError);
      expect(outcome).toMatchObject({ kind: "timeout", message: expect.stringContaining("limit of 300 ms") });
      expect(performance.now() - startedAt).toBeLessThan(2_000);
    }
  });

  it("stops a memory bomb at the memory limit, and the process carries on", async () => {
    const outcome = runScriptConnector(
      "async function main() {\n  const a = [];\n  while (true) a.push(new Array(1e6).fill(1));\n}",
      { config: {}, http: { allowedHosts: [] }, memoryLimitMb: 64 },
    );
    await expect(outcome).rejects.toMatchObject({
      kind: "memory",
      message: "The script connector used more than its memory limit of 64 MB and was stopped; look for a list or text that keeps growing",
    });
    const after = await runScriptConnector("async function main() { return { persons: [{ ok: true }] }; }", {
      config: {},
      http: { allowedHosts: [] },
    });
    expect(after.persons).toEqual([{ ok: true }]);
  });

  it("can be cancelled", async () => {
    const controller = new AbortController();
    const outcome = runScriptConnector("async function main() { while (true) {} }", {
      config: {},
      http: { allowedHosts: [] },
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 100);
    await expect(outcome).rejects.toMatchObject({ kind: "cancelled" });
  });
});
