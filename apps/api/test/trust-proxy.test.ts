import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadApiConfig } from "../src/index.ts";
import { startTestApi, type TestApi } from "./support/index.ts";

const PER_ADDRESS = 4;

let api: TestApi;
beforeAll(async () => {
  // TRUST_PROXY left unset: the default must trust no proxy.
  api = await startTestApi({ SIGN_IN_ATTEMPTS_PER_MINUTE_PER_IP: String(PER_ADDRESS) });
});
afterAll(async () => api?.close());

describe("client addresses", () => {
  it("audits the socket's address, not the one a client claims", async () => {
    const { email, tenantId } = await api.createTenantWithMember("owner");
    await api.client().request("POST", "/api/v1/auth/sign-in", { body: { email, password: "wrong" }, headers: { "x-forwarded-for": "198.51.100.7" } });
    const entry = await api.ownerPrisma.auditEntry.findFirstOrThrow({ where: { tenantId, action: "auth.sign_in_failed" } });
    expect(entry.ipAddress).toBe("127.0.0.1");
    expect(entry.actorLabel).toContain("from 127.0.0.1");
    expect(entry.actorLabel).not.toContain("198.51.100.7");
  });

  it("does not let a client escape the per-address sign-in limit by rotating X-Forwarded-For", async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < PER_ADDRESS + 2; attempt++) {
      // A different email each time, so only the per-address limit can stop the attempts.
      const response = await api.client().request("POST", "/api/v1/auth/sign-in", {
        body: { email: `rotate-${attempt}@example.test`, password: "wrong" },
        headers: { "x-forwarded-for": `203.0.113.${attempt + 1}` },
      });
      statuses.push(response.status);
    }
    // Earlier sign-ins from this address count too, so only the end is certain.
    expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
    expect(statuses.slice(-2)).toEqual([429, 429]);
  });

  it("reads TRUST_PROXY as hops or a list of addresses, and refuses anything else", () => {
    const env = { ...process.env };
    expect(loadApiConfig({ ...env, TRUST_PROXY: undefined }).TRUST_PROXY).toBe(false);
    expect(loadApiConfig({ ...env, TRUST_PROXY: "1" }).TRUST_PROXY).toBe(1);
    expect(loadApiConfig({ ...env, TRUST_PROXY: "loopback, 10.0.0.0/8, fd00::1" }).TRUST_PROXY).toEqual(["loopback", "10.0.0.0/8", "fd00::1"]);
    expect(() => loadApiConfig({ ...env, TRUST_PROXY: "true" })).toThrow(/TRUST_PROXY/);
    expect(() => loadApiConfig({ ...env, TRUST_PROXY: "10.0.0.0/33" })).toThrow(/TRUST_PROXY/);
  });
});
