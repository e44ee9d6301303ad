import { ConnectorError } from "../../connector-error.ts";
import type { TargetPermission, TargetWriteResult } from "../target-connector.ts";
import { scimString } from "./scim-filter.ts";
import { readAll, readListPage, type ScimResource } from "./scim-list.ts";
import type { ScimSettings } from "./scim-settings.ts";
import type { ScimTransport } from "./scim-transport.ts";
import { PATCH_SCHEMA, userPath } from "./scim-users.ts";

const GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
const GROUP_KIND = "group";

const groupPath = (reference: string) => `/Groups/${encodeURIComponent(reference)}`;

function toPermission(group: ScimResource): TargetPermission {
  return { reference: group.id, displayName: typeof group.displayName === "string" ? group.displayName : group.id, kind: GROUP_KIND };
}

/**
 * The Groups side of a SCIM session. Memberships change one member at a time through PATCH
 * (RFC 7644 3.5.2), never by replacing the member list, so members someone added in the
 * application by hand stay where they are.
 */
export class ScimGroups {
  constructor(
    private readonly transport: ScimTransport,
    private readonly settings: ScimSettings,
  ) {}

  async list(): Promise<TargetPermission[]> {
    const groups = await readAll(this.transport, "/Groups", { attributes: "displayName" }, this.settings.pageSize);
    return groups.map(toPermission);
  }

  async ofAccount(accountReference: string): Promise<string[]> {
    if (this.settings.membershipLookup === "user-groups") {
      const answer = await this.transport.send("GET", `${userPath(accountReference)}?attributes=groups`);
      if (answer.status === 404) return [];
      const groups = (answer.body as { groups?: unknown } | undefined)?.groups;
      return Array.isArray(groups) ? groups.map((group) => (group as { value?: unknown })?.value).filter((value): value is string => typeof value === "string") : [];
    }
    const groups = await readAll(this.transport, "/Groups", { filter: `members[value eq ${scimString(accountReference)}]`, attributes: "id" }, this.settings.pageSize);
    return groups.map((group) => group.id);
  }

  async grant(accountReference: string, permissionReference: string): Promise<TargetWriteResult> {
    if (await this.isMember(accountReference, permissionReference)) return { outcome: "already", messages: ["already a member"] };
    await this.patchMembers(permissionReference, { op: "add", path: "members", value: [{ value: accountReference }] });
    return { outcome: "done", messages: [`added to group ${permissionReference}`] };
  }

  async revoke(accountReference: string, permissionReference: string): Promise<TargetWriteResult> {
    if (!(await this.isMember(accountReference, permissionReference))) return { outcome: "already", messages: ["not a member"] };
    await this.patchMembers(permissionReference, { op: "remove", path: `members[value eq ${scimString(accountReference)}]` });
    return { outcome: "done", messages: [`removed from group ${permissionReference}`] };
  }

  /** Creates a group, or returns the one that already has this name (a retried create must not make two). */
  async create(name: string, kind: string): Promise<TargetPermission> {
    if (kind !== GROUP_KIND) throw new ConnectorError("invalid_settings", `a SCIM service has permissions of kind "group" only, not "${kind.slice(0, 100)}"`);
    if (name.trim() === "") throw new ConnectorError("invalid_settings", "a SCIM group needs a name (displayName)");
    const existing = await readListPage(this.transport, "/Groups", { filter: `displayName eq ${scimString(name)}`, attributes: "displayName" }, 1, 2);
    if (existing.resources.length > 0) return toPermission(existing.resources[0]!);
    const answer = await this.transport.send("POST", "/Groups", { schemas: [GROUP_SCHEMA], displayName: name });
    const group = answer.body as ScimResource | undefined;
    if (answer.status === 404 || typeof group?.id !== "string") {
      throw new ConnectorError("http_status", `POST /Groups did not answer with a SCIM Group (status ${answer.status}): check baseUrl`, { status: answer.status });
    }
    return toPermission(group);
  }

  /** Asks for the group only if the account is among its members, so a large group is not read whole. */
  private async isMember(accountReference: string, permissionReference: string): Promise<boolean> {
    const filter = `id eq ${scimString(permissionReference)} and members[value eq ${scimString(accountReference)}]`;
    const page = await readListPage(this.transport, "/Groups", { filter, attributes: "id" }, 1, 1);
    return page.resources.length > 0;
  }

  private async patchMembers(permissionReference: string, operation: Record<string, unknown>): Promise<void> {
    const answer = await this.transport.send("PATCH", groupPath(permissionReference), { schemas: [PATCH_SCHEMA], Operations: [operation] });
    if (answer.status === 404) {
      throw new ConnectorError("http_status", `the SCIM group ${permissionReference} no longer exists in the application (404): refresh the permissions`, { status: 404 });
    }
  }
}
