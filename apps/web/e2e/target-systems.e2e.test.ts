import { describe, expect, it } from "vitest";
import { newDirectoryOu, withDirectory } from "@idlife/api/testing";
// @idlife/testing is not a dependency of @idlife/web; taken by path like the worker in portal.ts.
import { adShapedRequired, useSlapd } from "../../../packages/testing/src/peers/index.ts";
import { signInAsSeededOwner, usePortal } from "./portal.ts";

const portal = usePortal({ worker: true });
const slapd = useSlapd();

const directly = <T,>(work: Parameters<typeof withDirectory<T>>[1]) => withDirectory(slapd.peer, work);

/** A teacher as a snapshot leaves her, in the seeded tenant. */
async function arrangeTeacher() {
  const { api, seed } = portal.stack;
  const tenant = await api.ownerPrisma.tenant.findUniqueOrThrow({ where: { slug: seed.tenantSlug } });
  const data = { ExternalId: "T-77", DisplayName: "Ingrid Bosman", Name: { GivenName: "Ingrid", FamilyName: "Bosman" }, Contracts: [] };
  return api.ownerPrisma.person.create({ data: { tenantId: tenant.id, externalId: "T-77", displayName: "Ingrid Bosman", status: "active", data, sourceSystemIds: [], searchText: "ingrid bosman t-77" } });
}

describe("a target system in the portal", () => {
  it("is added against a directory, mapped, previewed for a person, and creates her account from the person page, with an audit entry", { timeout: 120_000 }, async () => {
    const { page, stack } = portal;
    const teacher = await arrangeTeacher();
    const ou = await newDirectoryOu(slapd.peer, "e2e");
    await signInAsSeededOwner(portal);

    // Add the system: the form is the connector's JSON Schema; the bind password is write-only.
    await page.goto(`/t/${stack.seed.tenantSlug}/target-systems`);
    await page.getByRole("link", { name: "Add target system" }).click();
    const form = page.getByRole("form", { name: "Add target system" });
    await form.getByLabel("Name", { exact: true }).fill("Active Directory");
    await form.getByRole("radio", { name: /Active Directory \/ LDAP/ }).check();
    await form.getByLabel("URL", { exact: true }).fill(slapd.peer.url);
    await form.getByLabel("Bind DN", { exact: true }).fill(slapd.peer.bindDn);
    await form.getByLabel("Base DN", { exact: true }).fill(ou);
    // Debian's msuser.schema on slapd: AD's classes plus extensibleObject, and the attributes AD sets itself.
    await form.getByLabel("Object classes (optional)", { exact: true }).fill("top\nperson\norganizationalPerson\nuser\nextensibleObject");
    await form.getByLabel("Fixed attributes (optional) (JSON)", { exact: true }).fill(JSON.stringify(adShapedRequired(slapd.peer.baseDn)));
    await form.getByLabel("Reference attribute (optional)", { exact: true }).fill("entryUUID");
    await form.getByLabel("Set password", { exact: true }).fill(slapd.peer.password);
    // slapd is reached over plain ldap://, where a directory must not receive a password.
    await form.getByLabel(/Set a generated password on create/).uncheck();
    await form.getByRole("button", { name: "Add target system" }).click();

    // Map the fields and the correlation.
    const mapping = page.getByRole("form", { name: "Field mapping" });
    await mapping.waitFor();
    for (const [index, [attribute, field]] of [["cn", "DisplayName"], ["sn", "Name.FamilyName"], ["sAMAccountName", "ExternalId"], ["employeeID", "ExternalId"]].entries()) {
      await mapping.getByRole("button", { name: "Add attribute" }).click();
      await mapping.getByLabel(`Attribute, row ${index + 1}`).fill(attribute!);
      await mapping.getByLabel(`Person field of ${attribute}`).fill(field!);
    }
    await mapping.getByLabel("Person field", { exact: true }).fill("ExternalId");
    await mapping.getByLabel("Target attribute").fill("employeeID");
    await mapping.getByRole("button", { name: "Save mapping" }).click();
    await page.getByText("Mapping saved.").waitFor();

    // The preview on the person shows the exact attributes and the correlation, changing nothing.
    await page.goto(`/t/${stack.seed.tenantSlug}/persons/${teacher.id}/accounts`);
    await page.getByRole("button", { name: "Preview for Active Directory" }).click();
    const preview = page.getByRole("region", { name: "Preview of create" });
    await preview.waitFor();
    const sam = preview.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "sAMAccountName" }) });
    expect(await sam.getByRole("cell").textContent()).toBe("T-77");
    await page.getByText("No existing account matches: a new account is created.").waitFor();
    expect(await directly(async (client) => (await client.search(ou, { scope: "one", filter: "(objectClass=user)" })).searchEntries.length)).toBe(0);

    // Create the account by hand; the worker's runner carries it out and the tab shows it.
    await page.getByRole("button", { name: "Create account in Active Directory" }).click();
    const panel = page.getByRole("region", { name: "Active Directory" });
    await panel.getByText(/created by the platform/).waitFor({ timeout: 30_000 });
    const entries = await directly(async (client) => (await client.search(ou, { scope: "one", filter: "(cn=Ingrid Bosman)", attributes: ["entryUUID", "sAMAccountName"] })).searchEntries);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.sAMAccountName).toBe("T-77");
    expect(await panel.getByRole("code").first().textContent()).toBe(String(entries[0]!.entryUUID));

    // The person's actions and the audit log both record it.
    await page.getByRole("navigation", { name: "Person sections" }).getByRole("link", { name: "Actions" }).click();
    const actionRow = page.getByRole("table", { name: "Target actions" }).getByRole("row").nth(1);
    expect(await actionRow.getByRole("cell").nth(2).textContent()).toBe("Create account");
    expect(await actionRow.getByRole("cell").nth(3).textContent()).toBe("succeeded");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
    await page.getByRole("search", { name: "Filter the audit log" }).getByLabel("Action").fill("target.create_account");
    const audit = page.getByRole("table", { name: "Audit log entries, newest first" });
    await expect.poll(() => audit.getByRole("row").count()).toBe(2);
    expect(await audit.getByRole("row").nth(1).getByRole("cell").nth(2).textContent()).toBe("target.create_account");
  });
});
