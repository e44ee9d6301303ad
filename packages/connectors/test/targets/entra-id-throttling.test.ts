// Throttling, unreachable targets, wrong credentials and plan mode: what the engine relies on to
// pause one system, retry later without losing an action, and preview without writing.
import { freePort, startGraphServer, useGraphServer } from "../../../testing/src/peers/index.ts";
import { describe, expect, it } from "vitest";
import { ConnectorError, entraIdConnector, PlanModeWriteRefused, TargetBusyError, type RefusedWrite } from "../../src/index.ts";
import { entraSettings, newPersonData, openEntra, PASSWORD } from "./entra-session-helper.ts";

const graph = useGraphServer({ writeLimit: { writes: 20, perSeconds: 2 } });

/** The engine's part, written small: wait out Retry-After and try again, within a bound. */
async function retryWhileBusy<Result>(action: () => Promise<Result>, busy: { count: number; waits: number[] }, maxAttempts = 20): Promise<Result> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await action();
    } catch (error) {
      if (!(error instanceof TargetBusyError) || attempt >= maxAttempts) throw error;
      busy.count += 1;
      busy.waits.push(error.retryAfterMs ?? 1000);
      await new Promise((resolve) => setTimeout(resolve, error.retryAfterMs ?? 1000));
    }
  }
}

describe("Entra ID under throttling, outages and plan mode", () => {
  it("completes a throttled burst of 40 creates through Retry-After without losing or doubling one", async () => {
    const session = await openEntra(graph.server);
    const people = Array.from({ length: 40 }, () => newPersonData(graph.server));
    const busy = { count: 0, waits: [] as number[] };
    const started = Date.now();
    // Four workers in parallel, as the engine's per-system concurrency would run them.
    const queue = [...people];
    const created: string[] = [];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let person = queue.shift(); person; person = queue.shift()) {
          const data = person;
          created.push((await retryWhileBusy(() => session.createAccount({ data, password: PASSWORD, enabled: true }), busy)).account.reference);
        }
      }),
    );
    expect(busy.count).toBeGreaterThan(0);
    expect(busy.waits.every((wait) => wait >= 1000 && wait <= 2000)).toBe(true);
    expect(graph.server.requests.filter((request) => request.status === 429).length).toBe(busy.count);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    const principals = [...graph.server.users.values()].map((user) => user.properties.userPrincipalName);
    for (const person of people) expect(principals.filter((principal) => principal === person.userPrincipalName)).toHaveLength(1);
    expect(new Set(created).size).toBe(40);
  }, 60_000);

  it("sends no writing request in plan mode and reports each refused write", async () => {
    await new Promise((resolve) => setTimeout(resolve, 2100)); // a fresh write window after the burst
    const apply = await openEntra(graph.server);
    const existing = (await apply.createAccount({ data: newPersonData(graph.server), password: PASSWORD, enabled: false })).account;
    const teachers = [...graph.server.groups.keys()][0]!;
    const refused: RefusedWrite[] = [];
    const from = graph.server.requests.length;
    const plan = await openEntra(graph.server, { mode: "plan", onRefusedWrite: (write) => refused.push(write) });
    expect(await plan.findAccounts("employeeId", String(existing.data.employeeId))).toHaveLength(1);
    await expect(plan.createAccount({ data: newPersonData(graph.server), password: PASSWORD, enabled: true })).rejects.toBeInstanceOf(PlanModeWriteRefused);
    await expect(plan.updateAccount(existing.reference, { changes: { jobTitle: "Head" } })).rejects.toBeInstanceOf(PlanModeWriteRefused);
    await expect(plan.setAccountEnabled(existing.reference, true)).rejects.toBeInstanceOf(PlanModeWriteRefused);
    await expect(plan.grantPermission(existing.reference, `group:${teachers}`)).rejects.toBeInstanceOf(PlanModeWriteRefused);
    await expect(plan.deleteAccount(existing.reference)).rejects.toBeInstanceOf(PlanModeWriteRefused);
    const sent = graph.server.requests.slice(from);
    const writes = sent.filter((request) => request.method !== "GET" && !request.path.endsWith("/oauth2/v2.0/token"));
    expect(writes).toEqual([]);
    expect(sent.some((request) => request.method === "GET")).toBe(true);
    expect(refused.map((write) => write.description)).toEqual([
      "POST /users",
      `PATCH /users/${existing.reference}`,
      `PATCH /users/${existing.reference}`,
      `POST /groups/${teachers}/members/$ref`,
      `DELETE /users/${existing.reference}`,
    ]);
    expect(graph.server.users.get(existing.reference)!.properties.accountEnabled).toBe(false);
  });

  it("treats a refused connection as busy, and wrong credentials as an error that says what to check", async () => {
    const closedPort = await freePort();
    const unreachable = await entraIdConnector.open({
      mode: "apply",
      settings: { ...entraSettings(graph.server), graphUrl: `http://127.0.0.1:${closedPort}/v1.0`, tokenUrl: `http://127.0.0.1:${closedPort}/tenant/oauth2/v2.0/token` },
      secrets: { clientSecret: graph.server.clientSecret },
    });
    await expect(unreachable.getAccount("00000000-0000-0000-0000-000000000000")).rejects.toBeInstanceOf(TargetBusyError);
    const wrongSecret = await entraIdConnector.open({ mode: "apply", settings: entraSettings(graph.server), secrets: { clientSecret: "not-the-secret" } });
    const error = await wrongSecret.testConnection().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as Error).message).toMatch(/AADSTS7000215: Invalid client secret provided.*Check the tenant id, the application \(client\) id and the client secret's value/);
    expect((error as Error).message).not.toContain("not-the-secret");
    await expect(entraIdConnector.open({ mode: "apply", settings: { ...entraSettings(graph.server), clientId: "my-app" }, secrets: {} })).rejects.toThrow(/clientId.*GUID/);
  });

  it("treats 503 with Retry-After and 500 as busy, so the engine retries instead of failing the action", async () => {
    const session = await openEntra(graph.server);
    graph.server.failNext(1, 503, 7);
    const unavailable = await session.findAccounts("employeeId", "x").catch((caught: unknown) => caught);
    expect(unavailable).toBeInstanceOf(TargetBusyError);
    expect((unavailable as TargetBusyError).retryAfterMs).toBe(7000);
    graph.server.failNext(1, 500);
    const failed = await session.findAccounts("employeeId", "x").catch((caught: unknown) => caught);
    expect(failed).toBeInstanceOf(TargetBusyError);
    expect((failed as TargetBusyError).retryAfterMs).toBeUndefined();
    expect(await session.findAccounts("employeeId", "x")).toEqual([]);
  });

  it("keeps one token per session and fetches a new one when Graph says it expired", async () => {
    const server = await startGraphServer();
    try {
      const session = await openEntra(server);
      await session.listAccounts({ limit: 10 });
      await session.findAccounts("employeeId", "x");
      const tokenRequests = () => server.requests.filter((request) => request.path.endsWith("/token")).length;
      expect(tokenRequests()).toBe(1);
      server.expireTokens();
      await session.findAccounts("employeeId", "x");
      expect(tokenRequests()).toBe(2);
    } finally {
      await server.stop();
    }
  });
});
