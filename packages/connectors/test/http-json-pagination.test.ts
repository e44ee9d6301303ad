import { afterEach, describe, expect, it } from "vitest";
import { type ConnectorProgress, fetchHttpJsonSource } from "../src/index.ts";
import { connectorErrorOf } from "./helpers/expect-connector-error.ts";
import { EMPLOYEES, EMPLOYEE_IDS, slice } from "./helpers/fake-hr-api.ts";
import { type TestServer, sendJson, startTestServer } from "./helpers/test-server.ts";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const queries = (test: TestServer) => test.requests.map((request) => request.url.search);

describe("HTTP JSON pagination", () => {
  it("reads the root array in one request without pagination", async () => {
    server = await startTestServer((_request, response) => sendJson(response, EMPLOYEES));
    const result = await fetchHttpJsonSource({ url: `${server.origin}/api/medewerkers` });
    expect(result.data.persons).toEqual(EMPLOYEES);
    expect(result.data.departments).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it("pages with page and size parameters and stops at a short page", async () => {
    server = await startTestServer((_request, response, url) => {
      const page = Number(url.searchParams.get("pagina"));
      const size = Number(url.searchParams.get("aantal"));
      sendJson(response, { data: { items: slice(EMPLOYEES, (page - 1) * size, size) }, total: EMPLOYEES.length });
    });
    const progress: ConnectorProgress[] = [];
    const result = await fetchHttpJsonSource(
      {
        url: `${server.origin}/api/medewerkers?status=actief`,
        recordsPath: "data.items",
        pagination: { type: "page", param: "pagina", sizeParam: "aantal", size: 3 },
      },
      { onProgress: (update) => progress.push(update) },
    );
    expect(result.data.persons.map((person) => person.id)).toEqual(EMPLOYEE_IDS);
    expect(queries(server)).toEqual(["?status=actief&pagina=1&aantal=3", "?status=actief&pagina=2&aantal=3", "?status=actief&pagina=3&aantal=3"]);
    expect(progress).toEqual([
      { phase: "persons", records: 3 },
      { phase: "persons", records: 6 },
      { phase: "persons", records: 7 },
    ]);
  });

  it("reads until an empty page when short pages may not be trusted, starting at page 0", async () => {
    // This server caps pages at 2 whatever is asked for: a short page does not mean the end.
    server = await startTestServer((_request, response, url) => {
      const page = Number(url.searchParams.get("page"));
      sendJson(response, slice(EMPLOYEES, page * 2, 2));
    });
    const result = await fetchHttpJsonSource({
      url: `${server.origin}/api/medewerkers`,
      pagination: { type: "page", size: 100, sizeParam: "size", startAt: 0, stopOnShortPage: false },
    });
    expect(result.data.persons.map((person) => person.id)).toEqual(EMPLOYEE_IDS);
    expect(server.requests).toHaveLength(5);
  });

  it("pages with offset and limit, advancing by the records received", async () => {
    server = await startTestServer((_request, response, url) => {
      const offset = Number(url.searchParams.get("skip"));
      const limit = Math.min(Number(url.searchParams.get("take")), 3);
      sendJson(response, { results: slice(EMPLOYEES, offset, limit) });
    });
    const result = await fetchHttpJsonSource({
      url: `${server.origin}/api/medewerkers`,
      recordsPath: "results",
      pagination: { type: "offset", offsetParam: "skip", limitParam: "take", limit: 3 },
    });
    expect(result.data.persons.map((person) => person.id)).toEqual(EMPLOYEE_IDS);
    expect(queries(server)).toEqual(["?skip=0&take=3", "?skip=3&take=3", "?skip=6&take=3"]);
  });

  it("follows a cursor from the answer until there is none", async () => {
    server = await startTestServer((_request, response, url) => {
      const position = Number(url.searchParams.get("after") ?? "0");
      const items = slice(EMPLOYEES, position, 3);
      const next = position + 3 < EMPLOYEES.length ? position + 3 : null;
      sendJson(response, { items, meta: { paging: { next } } });
    });
    const result = await fetchHttpJsonSource({
      url: `${server.origin}/api/medewerkers`,
      recordsPath: "items",
      pagination: { type: "cursor", cursorPath: "meta.paging.next", cursorParam: "after" },
    });
    expect(result.data.persons.map((person) => person.id)).toEqual(EMPLOYEE_IDS);
    expect(queries(server)).toEqual(["", "?after=3", "?after=6"]);
  });

  it("follows next links from the answer, including OData's @odata.nextLink and relative links", async () => {
    server = await startTestServer((_request, response, url) => {
      const skip = Number(url.searchParams.get("$skiptoken") ?? "0");
      const next = skip + 3 < EMPLOYEES.length ? `/odata/Employees?$skiptoken=${skip + 3}` : undefined;
      sendJson(response, { value: slice(EMPLOYEES, skip, 3), ...(next ? { "@odata.nextLink": skip === 0 ? `${server!.origin}${next}` : next } : {}) });
    });
    const result = await fetchHttpJsonSource({
      url: `${server.origin}/odata/Employees`,
      recordsPath: "value",
      pagination: { type: "next-link", nextPath: "@odata.nextLink" },
    });
    expect(result.data.persons.map((person) => person.id)).toEqual(EMPLOYEE_IDS);
    expect(server.requests).toHaveLength(3);
  });

  it("follows the Link header's rel=next", async () => {
    server = await startTestServer((_request, response, url) => {
      const page = Number(url.searchParams.get("page") ?? "1");
      const links = [`<${server!.origin}/api/medewerkers?page=1>; rel="first"`];
      if (page * 3 < EMPLOYEES.length) links.push(`<${server!.origin}/api/medewerkers?page=${page + 1}>; rel="next"`);
      sendJson(response, slice(EMPLOYEES, (page - 1) * 3, 3), 200, { link: links.join(", ") });
    });
    const result = await fetchHttpJsonSource({ url: `${server.origin}/api/medewerkers`, pagination: { type: "link-header" } });
    expect(result.data.persons.map((person) => person.id)).toEqual(EMPLOYEE_IDS);
    expect(queries(server)).toEqual(["", "?page=2", "?page=3"]);
  });

  it("stops at maxPages with an error instead of importing part of the data", async () => {
    server = await startTestServer((_request, response, url) => {
      const page = Number(url.searchParams.get("page"));
      sendJson(response, [{ id: page * 2 }, { id: page * 2 + 1 }]);
    });
    const error = await connectorErrorOf(
      fetchHttpJsonSource({ url: `${server.origin}/api/medewerkers`, pagination: { type: "page", size: 2 }, limits: { maxPages: 5 } }),
    );
    expect(error.code).toBe("too_many_pages");
    expect(error.message).toBe(
      `${server.origin}/api/medewerkers still had more pages after 5 (maxPages): check that the pagination settings match the API ` +
        "(a server that ignores the page parameter never stops), or raise maxPages",
    );
    expect(server.requests).toHaveLength(5);
  });

  it("notices a server that ignores the page parameter", async () => {
    server = await startTestServer((_request, response) => sendJson(response, slice(EMPLOYEES, 0, 3)));
    const error = await connectorErrorOf(
      fetchHttpJsonSource({ url: `${server.origin}/api/medewerkers`, pagination: { type: "page", param: "p", size: 3 } }),
    );
    expect(error.code).toBe("pagination_loop");
    expect(error.message).toBe(
      `GET ${server.origin}/api/medewerkers?p=2 answered exactly what GET ${server.origin}/api/medewerkers?p=1 answered: ` +
        "the server seems to ignore the pagination parameters; check the pagination settings against the API documentation",
    );
  });

  it("notices a cursor that does not move", async () => {
    server = await startTestServer((_request, response) => sendJson(response, { items: [{ id: 1 }], next: "abc" }));
    const error = await connectorErrorOf(
      fetchHttpJsonSource({ url: `${server.origin}/api/x`, recordsPath: "items", pagination: { type: "cursor", cursorPath: "next" } }),
    );
    expect(error.message).toBe(
      `GET ${server.origin}/api/x?cursor=abc answered with the same cursor 'abc' as the request: the pagination would never end; check the pagination settings`,
    );
  });

  it("does not follow a next link to another site", async () => {
    server = await startTestServer((_request, response) => sendJson(response, { value: [{ id: 1 }], next: "https://evil.example/steal" }));
    const error = await connectorErrorOf(
      fetchHttpJsonSource({
        url: `${server.origin}/api/x`,
        recordsPath: "value",
        pagination: { type: "next-link", nextPath: "next" },
        auth: { type: "bearer", token: "t" },
      }),
    );
    expect(error.message).toBe(
      `GET ${server.origin}/api/x points to its next page on another site (https://evil.example); credentials are not sent there`,
    );
  });
});
