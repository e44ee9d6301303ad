import { afterEach, describe, expect, it } from "vitest";
import { fetchHttpJsonSource } from "../src/index.ts";
import { connectorErrorOf } from "./helpers/expect-connector-error.ts";
import { EMPLOYEES, EMPLOYEE_IDS, slice } from "./helpers/fake-hr-api.ts";
import { type TestServer, sendJson, startTestServer } from "./helpers/test-server.ts";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const fastRetries = { maxRetries: 2, retryBaseDelayMs: 10 };

describe("HTTP JSON answers that are not usable", () => {
  it("fails the whole fetch when page 3 answers 500: no partial result", async () => {
    server = await startTestServer((_request, response, url) => {
      const page = Number(url.searchParams.get("page"));
      if (page === 3) {
        response.writeHead(500, { "content-type": "text/plain" });
        response.end(`NullReferenceException in EmployeeController.List ${"x".repeat(400)}`);
        return;
      }
      sendJson(response, slice(EMPLOYEES, (page - 1) * 2, 2));
    });
    const progress: number[] = [];
    const error = await connectorErrorOf(
      fetchHttpJsonSource(
        { url: `${server.origin}/api/persons`, pagination: { type: "page", size: 2 } },
        { onProgress: (update) => progress.push(update.records) },
      ),
    );
    expect(error.code).toBe("http_status");
    expect(error.message).toBe(
      `GET ${server.origin}/api/persons?page=3 answered 500 Internal Server Error: NullReferenceException in EmployeeController.List ${"x".repeat(150)}`,
    );
    expect(error.location).toEqual({ url: `${server.origin}/api/persons?page=3`, status: 500 });
    expect(progress).toEqual([2, 4]);
  });

  it("shows the text of an HTML error page, not its markup", async () => {
    server = await startTestServer((_request, response) => {
      response.writeHead(502, { "content-type": "text/html" });
      response.end("<html><head><style>body{}</style></head><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>");
    });
    const error = await connectorErrorOf(fetchHttpJsonSource({ url: `${server.origin}/api/persons`, limits: { maxRetries: 0 } }));
    expect(error.message).toBe(`GET ${server.origin}/api/persons answered 502 Bad Gateway: 502 Bad Gateway nginx`);
  });

  it("recognises a web page answered instead of JSON", async () => {
    server = await startTestServer((_request, response) => {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end("<!doctype html><html><body><h1>Welkom bij HR Portaal</h1></body></html>");
    });
    const error = await connectorErrorOf(fetchHttpJsonSource({ url: `${server.origin}/portaal` }));
    expect(error.code).toBe("http_html");
    expect(error.message).toBe(
      `GET ${server.origin}/portaal answered HTML (content-type text/html), not JSON: is the URL the API endpoint, not the web page?`,
    );
  });

  it("recognises HTML even when the server calls it JSON", async () => {
    server = await startTestServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end("\n<html><body>Login</body></html>");
    });
    const error = await connectorErrorOf(fetchHttpJsonSource({ url: `${server.origin}/api/persons` }));
    expect(error.message).toBe(
      `GET ${server.origin}/api/persons answered HTML (content-type application/json), not JSON: is the URL the API endpoint, not the web page?`,
    );
  });

  it("reports invalid JSON with the parser's position", async () => {
    server = await startTestServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end('[{"id": 1001, "roepnaam": "Anouk",}]');
    });
    const error = await connectorErrorOf(fetchHttpJsonSource({ url: `${server.origin}/api/persons` }));
    expect(error.code).toBe("invalid_json");
    expect(error.message).toBe(
      `GET ${server.origin}/api/persons answered invalid JSON (content-type application/json): ` +
        "Expected double-quoted property name in JSON at position 34 (line 1 column 35)",
    );
  });

  it("says when the JSON is cut off or the body is empty", async () => {
    server = await startTestServer((_request, response, url) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(url.pathname === "/leeg" ? "" : '[{"id": 1001');
    });
    const cut = await connectorErrorOf(fetchHttpJsonSource({ url: `${server.origin}/half` }));
    expect(cut.message).toMatch(/answered invalid JSON \(content-type application\/json\): .* \(the answer may have been cut off\)$/);
    const empty = await connectorErrorOf(fetchHttpJsonSource({ url: `${server.origin}/leeg` }));
    expect(empty.message).toBe(`GET ${server.origin}/leeg answered 200 with an empty body, not JSON: check the URL`);
  });

  it("lists the keys that are there when recordsPath is not found", async () => {
    server = await startTestServer((_request, response) => sendJson(response, { data: { results: EMPLOYEES, total: 7 }, links: {} }));
    const error = await connectorErrorOf(fetchHttpJsonSource({ url: `${server.origin}/api/persons`, recordsPath: "data.items" }));
    expect(error.code).toBe("records_path");
    expect(error.message).toBe(
      `recordsPath 'data.items' was not found in the answer of GET ${server.origin}/api/persons: ` +
        "'data' is an object with the keys results, total; set recordsPath to 'data.results'",
    );
    const atRoot = await connectorErrorOf(fetchHttpJsonSource({ url: `${server.origin}/api/persons`, recordsPath: "items" }));
    expect(atRoot.message).toBe(
      `recordsPath 'items' was not found in the answer of GET ${server.origin}/api/persons: the answer is an object with the keys data, links`,
    );
  });

  it("says when recordsPath is not an array of records", async () => {
    server = await startTestServer((_request, response) => sendJson(response, { data: EMPLOYEES, meta: { total: 7 }, names: ["a"] }));
    const root = await connectorErrorOf(fetchHttpJsonSource({ url: `${server.origin}/api/persons` }));
    expect(root.message).toBe(
      `the answer of GET ${server.origin}/api/persons is an object with the keys data, meta, names, not an array of records; ` +
        "set recordsPath to 'data' or 'names'",
    );
    const object = await connectorErrorOf(fetchHttpJsonSource({ url: `${server.origin}/api/persons`, recordsPath: "meta" }));
    expect(object.message).toBe(
      `recordsPath 'meta' of GET ${server.origin}/api/persons is an object with the keys total, not an array of records`,
    );
    const strings = await connectorErrorOf(fetchHttpJsonSource({ url: `${server.origin}/api/persons`, recordsPath: "names" }));
    expect(strings.message).toBe(
      `item 0 of the records in the answer of GET ${server.origin}/api/persons is a string, not a record (object): check recordsPath`,
    );
  });
});

describe("HTTP JSON settings", () => {
  it("explains invalid settings before any request", async () => {
    const scheme = await connectorErrorOf(fetchHttpJsonSource({ url: "ftp://hr.example/medewerkers" }));
    expect(scheme.code).toBe("invalid_settings");
    expect(scheme.message).toBe("the HTTP JSON settings are invalid: url: must be an http:// or https:// URL");
    const cursor = await connectorErrorOf(fetchHttpJsonSource({ url: "https://hr.example/x", pagination: { type: "cursor" } } as never));
    expect(cursor.message).toBe("the HTTP JSON settings are invalid: pagination.cursorPath: Invalid input: expected string, received undefined");
  });
});

describe("HTTP JSON retries and limits", () => {
  it("waits as long as Retry-After asks after a 429, then succeeds", async () => {
    let calls = 0;
    server = await startTestServer((_request, response) => {
      calls += 1;
      if (calls === 1) sendJson(response, { error: "rate limited" }, 429, { "retry-after": "1" });
      else sendJson(response, EMPLOYEES);
    });
    const started = performance.now();
    const result = await fetchHttpJsonSource({ url: `${server.origin}/api/persons` });
    const elapsed = performance.now() - started;
    expect(result.data.persons.map((person) => person.id)).toEqual(EMPLOYEE_IDS);
    expect(calls).toBe(2);
    expect(elapsed).toBeGreaterThanOrEqual(990);
    expect(elapsed).toBeLessThan(5_000);
  });

  it("retries 502, 503 and 504 with backoff", async () => {
    const statuses = [502, 503, 504];
    server = await startTestServer((_request, response) => {
      const status = statuses.shift();
      if (status !== undefined) sendJson(response, { error: "busy" }, status);
      else sendJson(response, EMPLOYEES);
    });
    const result = await fetchHttpJsonSource({ url: `${server.origin}/api/persons`, limits: { maxRetries: 3, retryBaseDelayMs: 10 } });
    expect(result.data.persons).toHaveLength(7);
    expect(server.requests).toHaveLength(4);
  });

  it("gives up after the configured retries and says so", async () => {
    server = await startTestServer((_request, response) => {
      response.writeHead(503, { "content-type": "text/plain" });
      response.end("Service in onderhoud tot 06:00");
    });
    const error = await connectorErrorOf(fetchHttpJsonSource({ url: `${server.origin}/api/persons`, limits: fastRetries }));
    expect(error.message).toBe(`GET ${server.origin}/api/persons answered 503 Service Unavailable: Service in onderhoud tot 06:00 (after 2 retries)`);
    expect(server.requests).toHaveLength(3);
  });

  it("does not wait an hour because Retry-After says so", async () => {
    server = await startTestServer((_request, response) => sendJson(response, {}, 429, { "retry-after": "3600" }));
    const started = performance.now();
    const error = await connectorErrorOf(fetchHttpJsonSource({ url: `${server.origin}/api/persons` }));
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(error.message).toBe(
      `GET ${server.origin}/api/persons answered 429 Too Many Requests and asked to wait 3600 s (Retry-After), ` +
        "longer than the 60 s this source may wait: try again later or raise maxRetryDelayMs",
    );
  });

  it("does not retry other errors", async () => {
    server = await startTestServer((_request, response) => sendJson(response, { error: "bad request" }, 400));
    await connectorErrorOf(fetchHttpJsonSource({ url: `${server.origin}/api/persons`, limits: fastRetries }));
    expect(server.requests).toHaveLength(1);
  });

  it("times out a request that takes too long", async () => {
    server = await startTestServer((_request, response) => {
      setTimeout(() => sendJson(response, EMPLOYEES), 2_000).unref();
    });
    const error = await connectorErrorOf(fetchHttpJsonSource({ url: `${server.origin}/api/persons`, limits: { timeoutMs: 200 } }));
    expect(error.code).toBe("timeout");
    expect(error.message).toBe(
      `GET ${server.origin}/api/persons did not answer completely within 0.2 s: the server is slow or unreachable; try again later or raise timeoutMs`,
    );
  });

  it("stops at the total size limit across pages", async () => {
    const bulky = Array.from({ length: 50 }, (_, index) => ({ id: index, notitie: "x".repeat(1_000) }));
    server = await startTestServer((_request, response, url) => {
      const page = Number(url.searchParams.get("page"));
      sendJson(response, slice(bulky, (page - 1) * 10, 10));
    });
    const error = await connectorErrorOf(
      fetchHttpJsonSource({ url: `${server.origin}/api/persons`, pagination: { type: "page", size: 10 }, limits: { maxTotalBytes: 30_000 } }),
    );
    expect(error.code).toBe("response_too_large");
    expect(error.message).toMatch(
      /^GET http:\/\/127\.0\.0\.1:\d+\/api\/persons\?page=3 answered (more than|[\d.]+ KB, more than) the [\d.]+ KB left of maxTotalBytes \(29\.3 KB for all answers of this fetch\): raise maxTotalBytes if the data is really that large$/,
    );
    expect(server.requests).toHaveLength(3);
  });

  it("stops when the import is cancelled while waiting to retry", async () => {
    server = await startTestServer((_request, response) => sendJson(response, {}, 429, { "retry-after": "30" }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = performance.now();
    const error = await connectorErrorOf(fetchHttpJsonSource({ url: `${server.origin}/api/persons` }, { signal: controller.signal }));
    expect(error.code).toBe("aborted");
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
