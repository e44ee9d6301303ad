import { TEST_PASSWORD } from "@idlife/api/testing";
import { describe, expect, it } from "vitest";
import { signIn } from "./browser.ts";
import { usePortal } from "./portal.ts";

describe("joining a tenant by invitation, and signing up", () => {
  const portal = usePortal();

  it("an invited person accepts on the start page and lands in the tenant", async () => {
    const { api } = portal.stack;
    const { client, slug } = await api.createTenantWithMember("owner");
    const { email } = await api.createUser();
    expect((await client.post("/api/v1/members", { email, displayName: "Invitee", role: "auditor" })).status).toBe(202);

    await signIn(portal.page, email, TEST_PASSWORD);
    await portal.page.getByRole("heading", { level: 1, name: "You are not a member of any tenant yet" }).waitFor();
    const invitations = portal.page.getByRole("table", { name: "Invitations" });
    await invitations.getByRole("row").nth(1).waitFor();
    await invitations.getByRole("button", { name: "Accept" }).click();
    await portal.page.waitForURL(`**/t/${slug}/dashboard`);
  });

  it("sign-up answers 'check your email' and signs nobody in", async () => {
    await portal.page.goto("/sign-up");
    await portal.page.getByLabel("Your name").fill("Founder");
    await portal.page.getByLabel("Work email").fill(`founder-${Date.now()}@example.test`);
    await portal.page.getByLabel("Organisation name").fill(`School ${Date.now()}`);
    await portal.page.getByRole("button", { name: "Create account" }).click();
    await portal.page.getByRole("heading", { level: 1, name: "Check your email" }).waitFor();
    expect(await portal.page.getByRole("status").textContent()).toContain("Check your mail");
    expect(await portal.page.getByRole("navigation", { name: "Main" }).count()).toBe(0);
  });
});
