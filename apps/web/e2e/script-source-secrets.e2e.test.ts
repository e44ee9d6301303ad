import { decryptSecrets } from "@idlife/db";
import { describe, expect, it } from "vitest";
import { signInAsSeededOwner, usePortal } from "./portal.ts";

const portal = usePortal();

describe("a script source system's secrets, in the browser", () => {
  it("are entered on the create page, stored encrypted and shown only by name", { timeout: 60_000 }, async () => {
    const { page, stack } = portal;
    await signInAsSeededOwner(portal);
    await page.goto(`/t/${stack.seed.tenantSlug}/source-systems/new`);
    await page.getByRole("heading", { level: 1, name: "Add source system" }).waitFor();
    await page.getByLabel("Name", { exact: true }).fill("HR script");
    await page.getByRole("radio", { name: /Script/ }).check();
    await page.getByLabel("Script", { exact: true }).fill("async function main({ config }) { return { persons: [] }; }");
    await page.getByLabel("Allowed hosts").fill("hr.example, api.hr.example");

    // A name a script cannot use is refused on the spot.
    await page.getByLabel("Name of another secret").fill("api key");
    await page.getByRole("button", { name: "Add secret" }).click();
    await page.getByRole("alert").filter({ hasText: "letters, digits and _" }).waitFor();
    await page.getByLabel("Name of another secret").fill("apiKey");
    await page.getByRole("button", { name: "Add secret" }).click();
    await page.getByLabel("Set apiKey").fill("portal-secret-value");
    await page.getByRole("button", { name: "Add source system" }).click();
    await page.getByRole("heading", { level: 1, name: "HR script" }).waitFor();

    expect(await page.content()).not.toContain("portal-secret-value");
    await page.getByText("apiKey").first().waitFor();
    const row = await stack.api.ownerPrisma.sourceSystem.findFirstOrThrow({ where: { name: "HR script" } });
    expect(row.settings).toMatchObject({ allowedHosts: ["hr.example", "api.hr.example"] });
    expect(JSON.stringify(row.settings)).not.toContain("portal-secret-value");
    expect(decryptSecrets(row.secrets, stack.api.config.secretsKey)).toEqual({ apiKey: "portal-secret-value" });
  });
});
