// From a rule to the directory, all in the portal: a rule written in the editor (account, access
// and an existing group), simulated (the diff names what the person gains), published, then
// "Evaluate and enforce now" on the rules list; the worker carries the plan out in slapd, and the
// person's Accounts and Entitlements tabs show the enabled account and the group. A safety
// threshold's block shows its reason on the rules list, and approving it releases the changes.
import { createFactories, TEST_PASSWORD, type PersonSpec } from "@idlife/testing";
import { describe, expect, it } from "vitest";
import { newDirectoryOu, withDirectory } from "@idlife/api/testing";
// @idlife/testing is not a dependency of @idlife/web; taken by path like the worker in portal.ts.
import { adShapedRequired, slapdDirectorySettings, useSlapd } from "../../../packages/testing/src/peers/index.ts";
import { signIn } from "./browser.ts";
import { usePortal } from "./portal.ts";
import { startStaffRule } from "./rule-editor-steps.ts";

const portal = usePortal({ worker: true });
const slapd = useSlapd();

/** A tenant with persons from a CSV source, a slapd target system and its group "staff" (made in the directory, then listed). */
const directoryUsers = (base: string) =>
  withDirectory(slapd.peer, async (client) => (await client.search(base, { scope: "sub", filter: "(objectClass=user)", attributes: ["cn", "userAccountControl"] })).searchEntries);

async function arrange(persons: PersonSpec[] = [{ externalId: "1001", familyName: "Jansen", contracts: [{ fte: 1 }] }]) {
  const ctx = createFactories(portal.stack.api);
  const tenant = await ctx.newTenant();
  const [person] = await ctx.newPersons(tenant, persons);
  const base = await newDirectoryOu(slapd.peer, "rule-e2e");
  const groups = `ou=groups,${base}`;
  const groupDn = `cn=staff,${groups}`;
  await withDirectory(slapd.peer, async (client) => {
    await client.add(groups, { objectClass: ["top", "organizationalUnit"] });
    await client.add(groupDn, { objectClass: ["top", "group", "extensibleObject"], cn: "staff", groupType: "-2147483646", ...adShapedRequired(slapd.peer.baseDn, "Group") });
  });
  const client = tenant.owner.client;
  const created = await client.post("/api/v1/target-systems", {
    name: "Active Directory",
    connectorType: "ldap",
    settings: { ...slapdDirectorySettings(slapd.peer, base), groupsBaseDn: groups },
    secrets: { password: slapd.peer.password },
    fieldMapping: [
      { attribute: "cn", actions: ["create"], kind: "field", field: "DisplayName" },
      { attribute: "sn", actions: ["create", "update"], kind: "field", field: "Name.FamilyName" },
      { attribute: "sAMAccountName", actions: ["create"], kind: "field", field: "ExternalId" },
      { attribute: "employeeID", actions: ["create"], kind: "field", field: "ExternalId" },
    ],
    correlation: { personField: "ExternalId", attribute: "employeeID" },
    // slapd is reached over plain ldap://, where a directory must not receive a password.
    passwordPolicy: { generate: false },
  });
  expect(created.status, created.text).toBe(201);
  const systemId = created.body.id as string;
  const refreshed = await client.post(`/api/v1/target-systems/${systemId}/permissions/refresh`);
  expect(refreshed.status, refreshed.text).toBe(200);
  const listed = await client.get(`/api/v1/target-systems/${systemId}/permissions`);
  const group = (listed.body as Array<{ id: string; displayName: string }>).find((permission) => permission.displayName === "staff");
  expect(group, listed.text).toBeDefined();
  return { tenant, person: person!, base, groupDn, systemId, groupId: group!.id };
}

describe("from a rule to the directory", () => {
  it("write a rule, simulate, read the diff, publish, enforce now, and see the account and group on the person and in the directory", { timeout: 180_000 }, async () => {
    const { tenant, person, base, groupDn, groupId } = await arrange();
    const { page } = portal;
    await signIn(page, tenant.email, TEST_PASSWORD);
    await page.waitForURL(`**/t/${tenant.slug}/dashboard`);

    // Write the rule: everyone with at least half a job gets an account, access and the group.
    await page.goto(`/t/${tenant.slug}/business-rules`);
    await startStaffRule(page, "Staff in the directory");
    await page.getByLabel("Value of condition 1").fill("0.5");
    await page.getByLabel("Target system of entitlement 1").selectOption({ label: "Active Directory" });
    await page.getByRole("button", { name: "Add entitlement" }).click();
    await page.getByLabel("Kind of entitlement 2").selectOption("access");
    await page.getByRole("button", { name: "Add entitlement" }).click();
    await page.getByLabel("Kind of entitlement 3").selectOption("permission");
    await page.getByLabel("Permission of entitlement 3").selectOption({ label: "staff" });
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByRole("heading", { level: 1, name: "Staff in the directory" }).waitFor();

    // Simulate: the diff says the person gains the account, access and the group.
    await page.getByRole("button", { name: "Simulate" }).click();
    const result = page.getByRole("region", { name: "Simulation result" });
    await result.waitFor({ timeout: 30_000 });
    const changes = result.getByRole("table", { name: "Changes", exact: true });
    const rowsOf = async () => (await changes.getByRole("row").allTextContents()).slice(1).map((row) => row.replace(/Staff in the directory.*$/, "")).sort();
    await expect.poll(rowsOf).toEqual(["Given1001 JansenActive DirectoryGrantaccount", "Given1001 JansenActive DirectoryGrantaccess", `Given1001 JansenActive DirectoryGrantpermission${groupId}`].sort());
    // Nothing reached the directory yet: a simulation changes nothing.
    expect(await directoryUsers(base)).toEqual([]);

    await result.getByRole("button", { name: "Publish…" }).click();
    await page.getByRole("dialog", { name: /Publish/ }).getByRole("button", { name: "Publish", exact: true }).click();
    await page.getByText("Published version 1 is enforced.").waitFor();

    // Enforce now from the rules list: progress, then the counts and what was handed to the target.
    await page.getByRole("navigation", { name: "Breadcrumbs" }).getByRole("link", { name: "Business rules" }).click();
    await page.getByRole("button", { name: "Evaluate and enforce now" }).click();
    const enforcement = page.getByRole("region", { name: "Enforcement" });
    await enforcement.getByText("Enforced: 3 changes handed to the target systems.").waitFor({ timeout: 30_000 });
    const byKind = enforcement.getByRole("table", { name: "Changes by kind" });
    for (const kind of [/Accounts/, /Access/, /Permissions/]) expect(await byKind.getByRole("row", { name: kind }).getByRole("cell").allTextContents()).toEqual(["1", "0"]);
    expect(await enforcement.getByRole("list", { name: "Block reasons" }).count()).toBe(0);

    // The person's tabs, once the worker has carried the actions out.
    await page.goto(`/t/${tenant.slug}/persons/${person.id}/entitlements`);
    const granted = page.getByRole("table", { name: "Granted permissions" }).getByRole("row", { name: /staff/ });
    await expect.poll(async () => (await granted.count()) || (await page.reload(), 0), { timeout: 30_000 }).toBe(1);
    expect(await granted.textContent()).toContain("A business rule");
    await page.getByRole("navigation", { name: "Person sections" }).getByRole("link", { name: "Accounts" }).click();
    await page.getByRole("region", { name: "Active Directory" }).getByText(/^Enabled · created by the platform/).waitFor({ timeout: 30_000 });

    // And in the directory itself: the user exists, is enabled, and is a member of the group.
    const users = await withDirectory(slapd.peer, async (client) => (await client.search(base, { scope: "sub", filter: "(sAMAccountName=1001)", attributes: ["cn", "userAccountControl"] })).searchEntries);
    expect(users.map((user) => [user.cn, user.userAccountControl])).toEqual([["Given1001 Jansen", "512"]]);
    const [group] = await withDirectory(slapd.peer, async (client) => (await client.search(groupDn, { scope: "base", attributes: ["member"] })).searchEntries);
    expect([group!.member].flat().map(String).map((dn) => dn.toLowerCase())).toEqual([users[0]!.dn.toLowerCase()]);
  });

  it("holds the changes a safety threshold blocks, names the reason on the rules list, and approving releases them", { timeout: 120_000 }, async () => {
    const { tenant, base, systemId } = await arrange([{ externalId: "2001", familyName: "Smit", contracts: [{ fte: 1 }] }, { externalId: "2002", familyName: "Bos", contracts: [{ fte: 0.8 }] }]);
    // At most one new account per window: two joiners cross it.
    await portal.stack.api.ownerPrisma.targetSystem.update({ where: { id: systemId }, data: { thresholds: { windowHours: 24, limits: { "grant:account": { count: 1 } } } } });
    const client = tenant.owner.client;
    const rule = await client.post("/api/v1/business-rules", { name: "Everyone", definition: { condition: { kind: "field", field: "Contract.Details.Fte", operator: "greaterOrEqual", value: 0.5 }, entitlements: [{ kind: "account", targetSystemId: systemId }] } });
    expect(rule.status, rule.text).toBe(201);
    const simulation = await client.post("/api/v1/evaluations", { mode: "simulation" });
    await expect.poll(async () => (await client.get(`/api/v1/evaluations/${simulation.body.id}`)).body.status, { timeout: 30_000 }).toBe("completed");
    const published = await client.post(`/api/v1/business-rules/${rule.body.id}/publish`, { simulationId: simulation.body.id });
    expect(published.status, published.text).toBe(201);

    const { page } = portal;
    await signIn(page, tenant.email, TEST_PASSWORD);
    await page.waitForURL(`**/t/${tenant.slug}/dashboard`);
    await page.goto(`/t/${tenant.slug}/business-rules`);
    await page.getByRole("button", { name: "Evaluate and enforce now" }).click();
    const enforcement = page.getByRole("region", { name: "Enforcement" });
    const reasons = enforcement.getByRole("list", { name: "Block reasons" });
    await reasons.waitFor({ timeout: 30_000 });
    expect(await reasons.textContent()).toMatch(/^Safety threshold \(24 h window\): .*Approve or discard these changes\. \(2 changes\)$/);
    await enforcement.getByText("Enforced: 0 changes handed to the target systems.").waitFor();
    expect(await directoryUsers(base)).toEqual([]);

    await enforcement.getByRole("button", { name: "Approve" }).click();
    await enforcement.getByText("Enforced: 2 changes handed to the target systems.").waitFor({ timeout: 30_000 });
    expect(await reasons.count()).toBe(0);
    await expect.poll(async () => (await directoryUsers(base)).map((user) => user.cn).sort(), { timeout: 30_000 }).toEqual(["Given2001 Smit", "Given2002 Bos"]);
  });
});
