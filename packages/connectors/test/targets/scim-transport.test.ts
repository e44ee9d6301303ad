// How the SCIM connector behaves towards the service: plan mode, throttling, refused credentials,
// a service that is down, and bad settings. Against a real SCIM service (scimmy) for this file.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { freePort, startScimServer, useScimServer, writingRequests } from "@idlife/testing/peers";
import { describe, expect, test } from "vitest";
import { ConnectorError, PlanModeWriteRefused, TargetBusyError, findTargetConnector, scimConnector, targetCatalogueJson, type RefusedWrite } from "../../src/index.ts";
import { newPerson, openScim } from "./scim-session.ts";

const server = useScimServer();

async function caught(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the promise to fail");
}

describe("plan mode", () => {
  test("reads work, every write is refused before it leaves the process, and the service sees no writing request", async () => {
    const apply = await openScim(server);
    const person = newPerson();
    const { account } = await apply.createAccount({ data: person, enabled: true });
    const group = await apply.createPermission!("Plan group", "group");

    const refused: RefusedWrite[] = [];
    const plan = await openScim(server, { mode: "plan", refused });
    const before = server.requests.length;
    expect((await plan.findAccounts("userName", person.userName)).map((found) => found.reference)).toEqual([account.reference]);
    expect(await plan.getAccount(account.reference)).not.toBeNull();
    expect(await plan.accountPermissions(account.reference)).toEqual([]);

    const writes = [
      () => plan.createAccount({ data: newPerson(), enabled: true }),
      () => plan.updateAccount(account.reference, { changes: { displayName: "Changed" } }),
      () => plan.setAccountEnabled(account.reference, false),
      () => plan.deleteAccount(account.reference),
      () => plan.grantPermission(account.reference, group.reference),
    ];
    for (const write of writes) expect(await caught(write())).toBeInstanceOf(PlanModeWriteRefused);

    expect(writingRequests(server.requests.slice(before))).toEqual([]);
    expect(server.requests.length).toBeGreaterThan(before);
    expect(refused.map((write) => write.description)).toEqual([
      "POST /Users",
      `PATCH /Users/${account.reference}`,
      `PATCH /Users/${account.reference}`,
      `DELETE /Users/${account.reference}`,
      `PATCH /Groups/${group.reference}`,
    ]);
    expect(server.users.get(account.reference)).toMatchObject({ active: true, displayName: person.displayName });
  });
});

describe("busy and unreachable services", () => {
  test("a 429 becomes TargetBusyError carrying Retry-After (1000 ms); the connector does not loop", async () => {
    const session = await openScim(server);
    const before = server.requests.length;
    server.throttle(3);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const error = await caught(session.createAccount({ data: newPerson(), enabled: true }));
      expect(error).toBeInstanceOf(TargetBusyError);
      expect((error as TargetBusyError).retryAfterMs).toBe(1000);
      expect(error.message).toMatch(/POST \/Users answered 429 and asked to wait 1 s/);
    }
    // One request per attempt: the retry is the engine's, after the wait the service asked for.
    expect(server.requests.length - before).toBe(3);
    const person = newPerson();
    const { account } = await session.createAccount({ data: person, enabled: true });
    expect(server.users.get(account.reference)!.userName).toBe(person.userName);
  });

  test("a service that refuses connections is busy (the engine retries), with the address in the message", async () => {
    const port = await freePort();
    const session = await openScim({ url: `http://127.0.0.1:${port}/scim/v2`, token: "t" });
    const error = await caught(session.getAccount("x"));
    expect(error).toBeInstanceOf(TargetBusyError);
    expect(error.message).toMatch(new RegExp(`GET /Users/x on http://127.0.0.1:${port}/scim/v2 failed \\(ECONNREFUSED\\)`));
  });
});

describe("services that answer badly", () => {
  test("a service that does not answer in time is busy, with the time limit in the message", async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/scim/v2`;
      const session = await openScim({ url, token: "t" }, { settings: { timeoutMs: 1_000 } });
      const error = await caught(session.findAccounts("userName", "jan"));
      expect(error).toBeInstanceOf(TargetBusyError);
      expect(error.message).toMatch(/GET \/Users on .* did not answer within 1 s/);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });

  test("a cancelled run stops with 'cancelled', not as a busy service to retry", async () => {
    const controller = new AbortController();
    const session = await scimConnector.open({ mode: "apply", settings: { baseUrl: server.url, auth: { type: "bearer" } }, secrets: { "auth.token": server.token }, signal: controller.signal });
    controller.abort();
    const error = await caught(session.getAccount("x"));
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).code).toBe("aborted");
  });

  test("a baseUrl that is not the SCIM base says so", async () => {
    const origin = new URL(server.url).origin;
    const session = await openScim({ url: `${origin}/not-scim`, token: server.token });
    expect((await caught(session.findAccounts("userName", "jan"))).message).toMatch(/GET \/Users answered something that is not JSON: is baseUrl the SCIM base URL\?/);
    const inside = await openScim({ url: `${server.url}/Users`, token: server.token });
    expect((await caught(inside.findAccounts("userName", "jan"))).message).toMatch(/did not answer with a SCIM list \(status 404\): check baseUrl/);
  });
});

describe("credentials", () => {
  test("a wrong token: 'the SCIM service refused the token', without the token in the message", async () => {
    const session = await openScim(server, { token: "wrong-token-value" });
    const error = await caught(session.testConnection());
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error.message).toMatch(/^the SCIM service refused the token \(401 on GET \/Users: The access token is missing or not valid\): check the token in the auth settings$/);
    expect(JSON.stringify([error.message, (error as ConnectorError).toJSON()])).not.toContain("wrong-token-value");
    expect((await (await openScim(server)).testConnection()).message).toMatch(/connected to .*: the credentials may read Users/);
  });

  test("basic authentication with the password as a secret", async () => {
    const basicServer = await startScimServer({ basic: { username: "provisioner", password: "Basic-Pass-1" } });
    try {
      const open = (password: string) =>
        scimConnector.open({ mode: "apply", settings: { baseUrl: basicServer.url, auth: { type: "basic", username: "provisioner" } }, secrets: { "auth.password": password } });
      const person = newPerson();
      const { account } = await (await open("Basic-Pass-1")).createAccount({ data: person, enabled: true });
      expect(basicServer.users.get(account.reference)!.userName).toBe(person.userName);
      expect((await caught((await open("wrong")).testConnection())).message).toMatch(/refused the user name and password \(401/);
    } finally {
      await basicServer.stop();
    }
  });
});

describe("settings", () => {
  test("invalid settings name the field; limits have a maximum; a secret path outside secretFields is refused", async () => {
    const open = (settings: Record<string, unknown>, secrets: Record<string, string> = { "auth.token": "t" }) =>
      scimConnector.open({ mode: "plan", settings: { baseUrl: server.url, auth: { type: "bearer" }, ...settings }, secrets });
    await expect(open({ baseUrl: "ftp://example.test" })).rejects.toThrow(/baseUrl: baseUrl must be an http:\/\/ or https:\/\/ URL/);
    await expect(open({ baseUrl: "https://user:secret-in-url@example.test/scim/v2" })).rejects.toThrow(/baseUrl: baseUrl must not hold a user name or password: put them in auth/);
    await expect(open({ baseUrl: "https://example.test/scim/v2?tenant=1" })).rejects.toThrow(/baseUrl: baseUrl must not have a query/);
    await expect(open({ pageSize: 100_000 })).rejects.toThrow(/pageSize: .*1000/);
    await expect(open({ timeoutMs: 3_600_000 })).rejects.toThrow(/timeoutMs: .*120000/);
    await expect(open({}, { "auth.token": "" })).rejects.toThrow(/the bearer token is empty/);
    await expect(open({}, { "__proto__.token": "x" })).rejects.toThrow(/not a secret of this connector/);
  });

  test("the catalogue offers the SCIM connector with its secret fields and attributes", () => {
    expect(findTargetConnector("scim")).toBe(scimConnector);
    const entry = targetCatalogueJson().find((connector) => connector.type === "scim")!;
    expect(entry.secretFields).toEqual(["auth.token", "auth.password"]);
    expect(entry.accountAttributes.find((attribute) => attribute.name === "userName")).toMatchObject({ required: true });
    expect(entry.settingsSchema).toMatchObject({ type: "object", required: expect.arrayContaining(["baseUrl", "auth"]) });
  });
});
