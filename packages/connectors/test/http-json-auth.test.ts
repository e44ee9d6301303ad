import { afterEach, describe, expect, it } from "vitest";
import { type HttpJsonSettingsInput, fetchHttpJsonSource } from "../src/index.ts";
import { connectorErrorOf } from "./helpers/expect-connector-error.ts";
import { EMPLOYEES, EMPLOYEE_IDS } from "./helpers/fake-hr-api.ts";
import { type TestServer, sendJson, startTestServer } from "./helpers/test-server.ts";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Answers the employees only when `authorised` accepts the request; 401 otherwise. */
async function apiRequiring(authorised: (headers: Record<string, unknown>, url: URL) => boolean): Promise<TestServer> {
  return startTestServer((request, response, url) => {
    if (!authorised(request.headers, url)) {
      sendJson(response, { error: "unauthorized" }, 401);
      return;
    }
    sendJson(response, EMPLOYEES);
  });
}

const idsOf = async (settings: HttpJsonSettingsInput) =>
  (await fetchHttpJsonSource(settings)).data.persons.map((person) => person.id);

describe("HTTP JSON authentication", () => {
  it("sends no credentials when there is no auth", async () => {
    server = await apiRequiring((headers) => headers.authorization === undefined);
    expect(await idsOf({ url: `${server.origin}/api/medewerkers` })).toEqual(EMPLOYEE_IDS);
    expect(server.requests[0]?.headers.accept).toBe("application/json");
  });

  it("sends basic auth", async () => {
    const expected = `Basic ${Buffer.from("koppeling:Wachtwoord: met dubbele punt").toString("base64")}`;
    server = await apiRequiring((headers) => headers.authorization === expected);
    const settings = { url: `${server.origin}/api/medewerkers`, auth: { type: "basic", username: "koppeling", password: "Wachtwoord: met dubbele punt" } } as const;
    expect(await idsOf(settings)).toEqual(EMPLOYEE_IDS);
  });

  it("sends a bearer token", async () => {
    server = await apiRequiring((headers) => headers.authorization === "Bearer eyJ0b2tlbiI6dHJ1ZX0");
    expect(await idsOf({ url: `${server.origin}/api/medewerkers`, auth: { type: "bearer", token: "eyJ0b2tlbiI6dHJ1ZX0" } })).toEqual(EMPLOYEE_IDS);
  });

  it("sends an API key in a header, next to extra headers", async () => {
    server = await apiRequiring((headers) => headers["x-api-key"] === "k-123" && headers["x-tenant"] === "sooz");
    const settings = {
      url: `${server.origin}/api/medewerkers`,
      auth: { type: "api-key", header: "X-Api-Key", value: "k-123" },
      headers: { "X-Tenant": "sooz" },
    } as const;
    expect(await idsOf(settings)).toEqual(EMPLOYEE_IDS);
  });

  it("sends an API key as a query parameter and hides it in messages", async () => {
    server = await apiRequiring((_headers, url) => url.searchParams.get("klantcode") === "geheim-42");
    const settings = { url: `${server.origin}/api/medewerkers?actief=1`, auth: { type: "api-key-query", param: "klantcode", value: "geheim-42" } } as const;
    expect(await idsOf(settings)).toEqual(EMPLOYEE_IDS);
    expect(server.requests[0]?.url.searchParams.get("actief")).toBe("1");

    const wrongKey = await connectorErrorOf(fetchHttpJsonSource({ ...settings, auth: { ...settings.auth, value: "fout-7" } }));
    expect(wrongKey.message).toBe(
      `GET ${server.origin}/api/medewerkers?actief=1&klantcode=*** answered 401 Unauthorized: {"error":"unauthorized"}. Check the credentials (auth settings).`,
    );
    expect(wrongKey.message).not.toContain("fout-7");
  });

  it("says to check the credentials on 401 and the permissions on 403", async () => {
    server = await startTestServer((_request, response) => sendJson(response, { message: "Forbidden for this role" }, 403));
    const error = await connectorErrorOf(fetchHttpJsonSource({ url: `${server.origin}/api/medewerkers`, auth: { type: "bearer", token: "x" } }));
    expect(error.location).toEqual({ url: `${server.origin}/api/medewerkers`, status: 403 });
    expect(error.message).toBe(
      `GET ${server.origin}/api/medewerkers answered 403 Forbidden: {"message":"Forbidden for this role"}. ` +
        "The credentials were accepted but may not read this resource: check the account's permissions.",
    );
  });

  it("follows a redirect on the same site but does not take credentials to another site", async () => {
    const elsewhere = await startTestServer((_request, response) => sendJson(response, EMPLOYEES));
    try {
      server = await startTestServer((_request, response, url) => {
        if (url.pathname === "/oud") response.writeHead(301, { location: "/api/medewerkers" }).end();
        else if (url.pathname === "/weg") response.writeHead(302, { location: `${elsewhere.origin}/api/medewerkers` }).end();
        else sendJson(response, EMPLOYEES);
      });
      const auth = { type: "bearer", token: "geheim" } as const;
      expect(await idsOf({ url: `${server.origin}/oud`, auth })).toEqual(EMPLOYEE_IDS);
      const error = await connectorErrorOf(fetchHttpJsonSource({ url: `${server.origin}/weg`, auth }));
      expect(error.code).toBe("redirect_refused");
      expect(error.message).toBe(
        `GET ${server.origin}/weg redirected to another site (${elsewhere.origin}); credentials are not sent there: configure that URL directly if it is right`,
      );
      expect(elsewhere.requests).toHaveLength(0);
    } finally {
      await elsewhere.close();
    }
  });
});
