// Permissions in Entra ID: group memberships (members/$ref) and licences (assignLicense), named
// "group:<group id>" and "licence:<skuId>" so that one reference says which kind it is.
import { ConnectorError } from "../../connector-error.ts";
import type { TargetPermission, TargetWriteResult } from "../target-connector.ts";
import { filterLiteral, userPath } from "./entra-id-accounts.ts";
import type { EntraGraphClient } from "./entra-graph-client.ts";
import { isGuid, type EntraIdSettings } from "./entra-id-settings.ts";

type PermissionKind = "group" | "licence";

export function parsePermission(reference: string): { kind: PermissionKind; id: string } {
  const [kind, id, ...rest] = reference.split(":");
  if ((kind !== "group" && kind !== "licence") || !id || rest.length > 0 || !isGuid(id)) {
    throw new ConnectorError("missing_input", `'${reference}' is not an Entra ID permission: expected "group:<group id>" or "licence:<skuId>", each a GUID.`);
  }
  return { kind, id };
}

const groupPermission = (group: Record<string, unknown>): TargetPermission => ({
  reference: `group:${String(group.id)}`,
  displayName: String(group.displayName ?? group.id),
  kind: "group",
  description: typeof group.description === "string" ? group.description : undefined,
});

export async function listPermissions(client: EntraGraphClient, settings: EntraIdSettings): Promise<TargetPermission[]> {
  const groups = await client.all("/groups", { $top: String(settings.pageSize) });
  const permissions: TargetPermission[] = groups.map(groupPermission);
  if (settings.licences === "ignore") return permissions;
  const skus = await client.all("/subscribedSkus", {});
  for (const sku of skus) {
    const units = sku.prepaidUnits as { enabled?: number } | undefined;
    permissions.push({ reference: `licence:${String(sku.skuId)}`, displayName: String(sku.skuPartNumber), kind: "licence", description: `${String(sku.consumedUnits)} of ${String(units?.enabled)} in use` });
  }
  return permissions;
}

async function heldLicences(client: EntraGraphClient, account: string): Promise<{ skuIds: string[]; usageLocation: unknown }> {
  const answer = await client.request("GET", userPath(account), { query: { $select: "assignedLicenses,usageLocation" } });
  const assigned = (answer.json.assignedLicenses as { skuId: string }[] | undefined) ?? [];
  return { skuIds: assigned.map((licence) => licence.skuId), usageLocation: answer.json.usageLocation };
}

export async function accountPermissions(client: EntraGraphClient, settings: EntraIdSettings, account: string): Promise<string[]> {
  const memberOf = await client.all(`${userPath(account)}/memberOf`, { $top: String(settings.pageSize) });
  const references = memberOf.filter((item) => item["@odata.type"] === "#microsoft.graph.group").map((group) => `group:${String(group.id)}`);
  if (settings.licences === "ignore") return references;
  const { skuIds } = await heldLicences(client, account);
  return [...references, ...skuIds.map((skuId) => `licence:${skuId}`)];
}

const result = (outcome: TargetWriteResult["outcome"], message: string): TargetWriteResult => ({ outcome, messages: [message] });

async function grantLicence(client: EntraGraphClient, settings: EntraIdSettings, account: string, skuId: string): Promise<TargetWriteResult> {
  const held = await heldLicences(client, account);
  if (held.skuIds.includes(skuId)) return result("already", `licence ${skuId} was already assigned`);
  const messages: string[] = [];
  // Graph refuses a licence to a user without a usage location; the configured one fills the gap.
  if (!held.usageLocation && settings.usageLocation) {
    await client.request("PATCH", userPath(account), { body: { usageLocation: settings.usageLocation } });
    messages.push(`usage location set to ${settings.usageLocation}`);
  }
  await client.request("POST", `${userPath(account)}/assignLicense`, { body: { addLicenses: [{ skuId, disabledPlans: [] }], removeLicenses: [] } });
  return { outcome: "done", messages: [...messages, `licence ${skuId} assigned`] };
}

export async function grantPermission(client: EntraGraphClient, settings: EntraIdSettings, account: string, permission: string): Promise<TargetWriteResult> {
  const { kind, id } = parsePermission(permission);
  if (kind === "licence") return grantLicence(client, settings, account, id);
  const member = userPath(account).slice("/users/".length);
  const answer = await client.request("POST", `/groups/${id}/members/$ref`, { body: { "@odata.id": `${client.graphUrl}/directoryObjects/${member}` }, accept: [400] });
  if (answer.status === 400) {
    const message = (answer.json.error as { message?: string } | undefined)?.message ?? "";
    if (!/already exist/i.test(message)) throw new ConnectorError("http_status", `Microsoft Graph refused adding ${account} to group ${id}: ${message}`, { status: 400 });
    return result("already", `already a member of group ${id}`);
  }
  return result("done", `added to group ${id}`);
}

export async function revokePermission(client: EntraGraphClient, account: string, permission: string): Promise<TargetWriteResult> {
  const { kind, id } = parsePermission(permission);
  if (kind === "group") {
    const answer = await client.request("DELETE", `/groups/${id}/members/${userPath(account).slice("/users/".length)}/$ref`, { accept: [404] });
    return answer.status === 404 ? result("already", `was not a member of group ${id}`) : result("done", `removed from group ${id}`);
  }
  const held = await heldLicences(client, account);
  if (!held.skuIds.includes(id)) return result("already", `licence ${id} was not assigned`);
  await client.request("POST", `${userPath(account)}/assignLicense`, { body: { addLicenses: [], removeLicenses: [id] } });
  return result("done", `licence ${id} removed`);
}

/**
 * A security group by name (dynamic permissions: the group of a person's school). A group of that
 * name is taken instead of creating a second, so a retried create never makes a duplicate.
 */
export async function createGroupPermission(client: EntraGraphClient, name: string, kind: string): Promise<TargetPermission> {
  if (kind !== "group") throw new ConnectorError("missing_input", `Entra ID can only create groups; a ${kind} (such as a licence) is bought in the tenant, not created.`);
  const displayName = name.trim();
  if (!displayName || displayName.length > 256) throw new ConnectorError("missing_input", "A group name must have 1 to 256 characters.");
  const existing = await client.all("/groups", { $filter: `displayName eq ${filterLiteral(displayName)}` }, 10);
  if (existing.length > 0) return groupPermission(existing[0]!);
  const mailNickname = displayName.replace(/[^A-Za-z0-9]/g, "").slice(0, 64) || "group";
  const created = await client.request("POST", "/groups", { body: { displayName, mailEnabled: false, mailNickname, securityEnabled: true } });
  return groupPermission(created.json);
}
