// Wrong passwords slow down the address that sends them, for that account, not the account
// everywhere; and signing in successfully costs an address nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, TEST_PASSWORD, type TestApi } from "./support/index.ts";
import { RateLimits, signInBackoffSeconds } from "../src/infrastructure/rate-limits.ts";
import { PRISMA } from "../src/infrastructure/tokens.ts";
import { signIn } from "../src/modules/auth/sign-in.ts";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.close());

/** Signs in as the API does, from an explicit address (the HTTP layer always sees 127.0.0.1 in tests). */
function signInFrom(ipAddress: string, email: string, password: string) {
  const deps = { prisma: api.app.get(PRISMA), rateLimits: api.app.get(RateLimits), config: api.config };
  return signIn(deps, email, password, { ipAddress }).then(
    () => ({ status: 200, retryAfterSeconds: undefined }),
    (error: { status: number; details?: { retryAfterSeconds?: number } }) => ({ status: error.status, retryAfterSeconds: error.details?.retryAfterSeconds }),
  );
}

describe("sign-in backoff", () => {
  it("five wrong passwords from one address leave the account usable from another", async () => {
    const { email } = await api.createTenantWithMember("owner");
    for (let attempt = 0; attempt < 5; attempt++) expect((await signInFrom("198.51.100.7", email, "wrong guess")).status).toBe(401);
    expect((await signInFrom("198.51.100.7", email, TEST_PASSWORD)).status).toBe(429);
    expect((await signInFrom("203.0.113.20", email, TEST_PASSWORD)).status).toBe(200);
    // The same address may still try other accounts.
    const other = await api.createTenantWithMember("owner");
    expect((await signInFrom("198.51.100.7", other.email, TEST_PASSWORD)).status).toBe(200);
  });

  it("makes the failing address wait, answering 429 with Retry-After", async () => {
    const { email } = await api.createTenantWithMember("owner");
    expect(await api.signInRepeatedly(email, "wrong guess", 5)).toEqual([401, 401, 401, 401, 401]);
    const waiting = await api.client().signIn(email, TEST_PASSWORD);
    expect(waiting.status).toBe(429);
    expect(waiting.body.error.code).toBe("rate_limited");
    const retryAfter = Number(waiting.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it("doubles the wait with every further failure, up to the cap", () => {
    expect([4, 5, 6, 7, 8].map((failures) => signInBackoffSeconds(failures, 5, 15))).toEqual([0, 60, 120, 240, 480]);
    expect(signInBackoffSeconds(9, 5, 15)).toBe(900);
    expect(signInBackoffSeconds(1000, 5, 15)).toBe(900);
  });

  it("does not count successful sign-ins against the address", async () => {
    const { email } = await api.createTenantWithMember("owner");
    const statuses = await api.signInRepeatedly(email, TEST_PASSWORD, 40);
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
  });
});
