import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, TEST_PASSWORD, type TestApi } from "./support/index.ts";
import { requestPasswordReset } from "../src/modules/auth/password-reset.ts";

let api: TestApi;
beforeAll(async () => {
  // The account itself locks after 3 failures here (100 by default); an address waits after 5.
  api = await startTestApi({ ACCOUNT_LOCKOUT_AFTER_FAILURES: "3" });
});
afterAll(async () => api?.close());

describe("sign-in", () => {
  it("signs in with the right password, shows the person's tenants, and audits it", async () => {
    const { tenantId, email } = await api.createTenantWithMember("owner");
    const client = api.client();
    const response = await client.signIn(email, TEST_PASSWORD);
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie()[0]).toMatch(/idlife_session=.+; Path=\/; HttpOnly; SameSite=Strict/);
    expect(response.body.memberships).toEqual([expect.objectContaining({ tenantId, role: "owner" })]);
    const me = await client.get("/api/v1/auth/me");
    expect(me.body.email).toBe(email);

    const audit = await client.forTenant(tenantId).get("/api/v1/audit-log?action=auth.sign_in");
    expect(audit.body.items.length).toBeGreaterThanOrEqual(1);
    expect(audit.body.items[0]).toMatchObject({ actorType: "user", actorLabel: email, action: "auth.sign_in" });
  });

  it("refuses a wrong password with a clear message and records the failure", async () => {
    const { tenantId, email, client: owner } = await api.createTenantWithMember("owner");
    const response = await api.client().signIn(email, "not the password");
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe("invalid_credentials");
    expect(response.body.error.message).toMatch(/^The email address or password is not correct\./);
    // An unknown address gets exactly the same answer.
    const unknown = await api.client().signIn("nobody-at-all@example.test", "x");
    expect(unknown.body).toEqual(response.body);
    const audit = await owner.forTenant(tenantId).get("/api/v1/audit-log?action=auth.sign_in_failed");
    const user = await api.ownerPrisma.user.findUniqueOrThrow({ where: { email } });
    // Until the password is right nobody is known to be acting: the attempt is not the account's.
    expect(audit.body.items[0]).toMatchObject({ actorType: "system", targetId: user.id, after: { reason: "wrong_password" } });
    expect(audit.body.items[0].actorLabel).toContain(`sign-in attempt for ${email}`);
  });

  it("locks the account after repeated failures, even for the right password, until reset", async () => {
    const { email } = await api.createTenantWithMember("owner");
    expect(await api.signInRepeatedly(email, "wrong", 3)).toEqual([401, 401, 401]);
    // Locked: even the right password is refused, with the same answer as a wrong one.
    const locked = await api.client().signIn(email, TEST_PASSWORD);
    expect(locked.status).toBe(401);
    expect((await api.ownerPrisma.user.findUniqueOrThrow({ where: { email } })).lockedUntil!.getTime()).toBeGreaterThan(Date.now());

    // The reset flow lifts the lock and sets the new password.
    const reset = await requestPasswordReset(api.ownerPrisma, email, 60);
    const newPassword = "a brand new password 42";
    const confirm = await api.client().post("/api/v1/auth/password-reset/confirm", { token: reset!.token, password: newPassword });
    expect(confirm.status).toBe(204);
    expect((await api.client().signIn(email, newPassword)).status).toBe(200);
    // A token works once.
    const again = await api.client().post("/api/v1/auth/password-reset/confirm", { token: reset!.token, password: newPassword });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe("invalid_reset_token");
  });

  it("rejects an expired reset token", async () => {
    const { email } = await api.createTenantWithMember("owner");
    const reset = await requestPasswordReset(api.ownerPrisma, email, 60);
    await api.ownerPrisma.passwordResetToken.updateMany({ where: { userId: reset!.userId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const response = await api.client().post("/api/v1/auth/password-reset/confirm", { token: reset!.token, password: "another new password" });
    expect(response.status).toBe(400);
  });

  it("answers a reset request for an unknown email the same way as for a known one", async () => {
    const { email } = await api.createTenantWithMember("owner");
    const known = await api.client().post("/api/v1/auth/password-reset/request", { email });
    const unknown = await api.client().post("/api/v1/auth/password-reset/request", { email: "nobody@example.test" });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
  });

  it("signs out: the session cookie no longer works", async () => {
    const { client } = await api.createTenantWithMember("owner");
    const signedIn = client.forTenant(undefined);
    expect((await signedIn.get("/api/v1/auth/me")).status).toBe(200);
    const cookieBefore = signedIn;
    expect((await signedIn.post("/api/v1/auth/sign-out")).status).toBe(204);
    expect((await cookieBefore.get("/api/v1/auth/me")).status).toBe(401);
  });

  it("refuses state-changing browser requests without the CSRF header", async () => {
    const { client } = await api.createTenantWithMember("owner");
    const response = await client.post("/api/v1/api-keys", { name: "x", scopes: ["read"] }, { csrf: false });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe("csrf_header_missing");
  });

  it("stores passwords as scrypt hashes, never in plain text", async () => {
    const { email } = await api.createTenantWithMember("owner");
    const user = await api.ownerPrisma.user.findUniqueOrThrow({ where: { email } });
    expect(user.passwordHash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$/);
    expect(user.passwordHash).not.toContain(TEST_PASSWORD);
  });
});

describe("sign-up", () => {
  it("creates a tenant with its owner, who continues through the mailed link (no session yet)", async () => {
    const client = api.client();
    const response = await client.post("/api/v1/auth/sign-up", {
      email: "founder@new-school.example",
      displayName: "Founder",
      tenantName: "Nieuwe Basisschool De Linde",
    });
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ accepted: true, message: expect.stringContaining("Check your mail") });
    expect((await client.get("/api/v1/auth/me")).status).toBe(401);
    const owner = await api.ownerPrisma.membership.findFirstOrThrow({ where: { tenant: { slug: "nieuwe-basisschool-de-linde" } }, include: { user: true } });
    expect(owner).toMatchObject({ role: "owner", user: { email: "founder@new-school.example", emailVerifiedAt: null } });
  });
});

describe("sign-in rate limit", () => {
  it("answers 429 with Retry-After once an address makes too many attempts", async () => {
    const limited = await startTestApi({ SIGN_IN_ATTEMPTS_PER_MINUTE_PER_IP: "3" });
    try {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 5; attempt++) {
        statuses.push((await limited.client().signIn(`x${attempt}@example.test`, "x")).status);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      const response = await limited.client().signIn("y@example.test", "x");
      expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(response.body.error.code).toBe("rate_limited");
    } finally {
      await limited.close();
    }
  });
});

describe("account protection", () => {
  it("locks the account even when wrong passwords arrive in parallel", async () => {
    const { email } = await api.createTenantWithMember("owner");
    await Promise.all(Array.from({ length: 8 }, () => api.client().signIn(email, "parallel guess")));
    const user = await api.ownerPrisma.user.findUniqueOrThrow({ where: { email } });
    expect(user.lockedUntil?.getTime() ?? 0).toBeGreaterThan(Date.now());
    // Refused: 401 for the lock, or 429 when this address's own wait has started too.
    expect((await api.client().signIn(email, TEST_PASSWORD)).status).not.toBe(200);
  });

  it("ends a session at its absolute lifetime however active it is", async () => {
    const { client, email } = await api.createTenantWithMember("owner");
    expect((await client.get("/api/v1/members")).status).toBe(200);
    const user = await api.ownerPrisma.user.findUniqueOrThrow({ where: { email } });
    // Created four days ago (the default maximum is 72 hours), used a minute ago.
    await api.ownerPrisma.session.updateMany({
      where: { userId: user.id },
      data: { createdAt: new Date(Date.now() - 96 * 3600_000), lastSeenAt: new Date(Date.now() - 120_000) },
    });
    expect((await client.get("/api/v1/members")).status).toBe(401);
  });

  it("makes earlier reset links useless once a newer one is requested or used", async () => {
    const { email } = await api.createTenantWithMember("owner");
    const first = await requestPasswordReset(api.ownerPrisma, email, 60);
    const second = await requestPasswordReset(api.ownerPrisma, email, 60);
    const response = await api.client().post("/api/v1/auth/password-reset/confirm", { token: first!.token, password: "a brand new password 1" });
    expect(response.status).toBe(400);
    expect((await api.client().post("/api/v1/auth/password-reset/confirm", { token: second!.token, password: "a brand new password 2" })).status).toBe(204);
  });

  it("does not let sign-up claim an address that has an account", async () => {
    const { email } = await api.createTenantWithMember("owner");
    const before = await api.ownerPrisma.user.findUniqueOrThrow({ where: { email } });
    const response = await api.client().post("/api/v1/auth/sign-up", { email, displayName: "X", tenantName: "Takeover Attempt" });
    expect(response.status).toBe(202);
    // The account is only invited to the new tenant; nothing about it changes.
    expect(await api.ownerPrisma.membership.count({ where: { tenant: { name: "Takeover Attempt" } } })).toBe(0);
    expect(await api.ownerPrisma.user.findUniqueOrThrow({ where: { email } })).toEqual(before);
  });

  it("answers concurrent sign-ups for the same tenant slug with one success and conflicts, never a 500", async () => {
    const statuses = await Promise.all(
      [1, 2, 3].map((index) =>
        api.client().post("/api/v1/auth/sign-up", { email: `racer${index}@example.test`, displayName: "R", tenantName: "Race School", tenantSlug: "race-school" }).then((response) => response.status),
      ),
    );
    expect(statuses.sort()).toEqual([202, 409, 409]);
  });
});
