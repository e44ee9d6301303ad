// The in-memory data behind the SCIM test service, and the scimmy handlers that read and write it.
// scimmy keeps its declared resources in one process-wide singleton, so the handlers are declared
// once and find the right server's store through the request context (each router passes its own).
import { randomUUID } from "node:crypto";
import SCIMMY from "scimmy";

export type ScimRecord = Record<string, unknown> & { id: string };

/** One SCIM service's users and groups, indexed the way a real service looks them up. */
export class ScimStore {
  readonly users = new Map<string, ScimRecord>();
  readonly groups = new Map<string, ScimRecord>();
  /** userName is case-insensitive in SCIM (RFC 7643 4.1.1), so the index key is lower case. */
  private readonly byUserName = new Map<string, string>();
  private readonly byExternalId = new Map<string, string>();

  userIdsByUserName(userName: string): string[] {
    const id = this.byUserName.get(userName.toLowerCase());
    return id === undefined ? [] : [id];
  }

  userIdsByExternalId(externalId: string): string[] {
    const id = this.byExternalId.get(externalId);
    return id === undefined ? [] : [id];
  }

  saveUser(record: ScimRecord): void {
    const userName = String(record.userName ?? "");
    const holder = this.byUserName.get(userName.toLowerCase());
    if (holder !== undefined && holder !== record.id) {
      throw new SCIMMY.Types.Error(409, "uniqueness", `userName "${userName}" is already taken`);
    }
    this.unindexUser(record.id);
    this.users.set(record.id, record);
    this.byUserName.set(userName.toLowerCase(), record.id);
    if (typeof record.externalId === "string") this.byExternalId.set(record.externalId, record.id);
  }

  deleteUser(id: string): void {
    if (!this.users.has(id)) throw new SCIMMY.Types.Error(404, null!, `Resource ${id} not found`);
    this.unindexUser(id);
    this.users.delete(id);
    // Like a real service: a deleted user is no longer a member of anything.
    for (const group of this.groups.values()) {
      group.members = membersOf(group).filter((member) => member.value !== id);
    }
  }

  saveGroup(record: ScimRecord): void {
    for (const member of membersOf(record)) {
      if (!this.users.has(member.value) && !this.groups.has(member.value)) {
        throw new SCIMMY.Types.Error(400, "invalidValue", `member "${member.value}" is not a user or group of this service`);
      }
    }
    // A member added twice is one membership (RFC 7644 3.5.2.1: an existing value is not added again).
    const seen = new Set<string>();
    record.members = membersOf(record).filter((member) => !seen.has(member.value) && seen.add(member.value));
    this.groups.set(record.id, record);
  }

  /** The user as the service shows it: with the groups it is a member of (read-only in SCIM). */
  userView(record: ScimRecord): ScimRecord {
    const groups = [...this.groups.values()]
      .filter((group) => membersOf(group).some((member) => member.value === record.id))
      .map((group) => ({ value: group.id, display: group.displayName, type: "direct" }));
    return groups.length > 0 ? { ...record, groups } : record;
  }

  private unindexUser(id: string): void {
    const existing = this.users.get(id);
    if (existing === undefined) return;
    this.byUserName.delete(String(existing.userName ?? "").toLowerCase());
    if (typeof existing.externalId === "string") this.byExternalId.delete(existing.externalId);
  }
}

export function membersOf(group: ScimRecord): { value: string; display?: string; type?: string }[] {
  return Array.isArray(group.members) ? (group.members as { value: string }[]) : [];
}

/**
 * What a create (no id) or replace (id; PATCH ends here too) stores: a plain copy of what scimmy
 * parsed, without its classes, with the server-assigned id and meta.
 */
function incoming(records: Map<string, ScimRecord>, id: string | undefined, instance: object, resourceType: string): ScimRecord {
  const previous = id === undefined ? undefined : records.get(id);
  if (id !== undefined && previous === undefined) throw new SCIMMY.Types.Error(404, null!, `Resource ${id} not found`);
  const plain = JSON.parse(JSON.stringify(instance)) as Record<string, unknown>;
  delete plain.groups;
  const now = new Date().toISOString();
  const created = (previous?.meta as { created?: string } | undefined)?.created ?? now;
  return { ...plain, id: id ?? randomUUID(), meta: { resourceType, created, lastModified: now } };
}

interface ReadRequest {
  id?: string;
  filter?: { match(values: object[]): object[] } & object[];
}

/** The single `attribute eq "value"` of a filter, when that is all it says (correlation lookups). */
function singleEquality(filter: ReadRequest["filter"]): { attribute: string; value: string } | undefined {
  if (filter === undefined || filter.length !== 1) return undefined;
  const entries = Object.entries(filter[0] as Record<string, unknown>);
  if (entries.length !== 1) return undefined;
  const [attribute, expression] = entries[0]!;
  if (!Array.isArray(expression) || expression.length !== 2 || String(expression[0]).toLowerCase() !== "eq") return undefined;
  return typeof expression[1] === "string" ? { attribute: attribute.toLowerCase(), value: expression[1] } : undefined;
}

/**
 * scimmy's filter does not look inside schema extensions (`urn:...:User:employeeNumber eq "x"`
 * matches nothing), so extension attributes are also offered under their full names for matching.
 */
function matchView(record: ScimRecord): ScimRecord {
  const view: ScimRecord = { ...record };
  for (const [key, value] of Object.entries(record)) {
    if (!key.startsWith("urn:") || value === null || typeof value !== "object") continue;
    for (const [name, inner] of Object.entries(value)) view[`${key}:${name}`] = inner;
  }
  return view;
}

/**
 * scimmy's filter throws on a resource that lacks the filtered attribute (`emails.value eq "x"` on a
 * user without emails answers 400); matched one by one, such a resource simply does not match.
 */
function matching(filter: ReadRequest["filter"], records: ScimRecord[]): ScimRecord[] {
  if (filter === undefined) return records;
  return records.filter((record) => {
    try {
      return filter.match([matchView(record)]).length > 0;
    } catch {
      return false;
    }
  });
}

function readUsers(store: ScimStore, request: ReadRequest): ScimRecord | ScimRecord[] {
  if (request.id !== undefined) {
    const record = store.users.get(request.id);
    if (record === undefined) throw new SCIMMY.Types.Error(404, null!, `Resource ${request.id} not found`);
    return store.userView(record);
  }
  // Indexed lookups, as a real service answers correlation filters without scanning every user.
  const equality = singleEquality(request.filter);
  let ids: Iterable<string> = store.users.keys();
  if (equality?.attribute === "username") ids = store.userIdsByUserName(equality.value);
  if (equality?.attribute === "externalid") ids = store.userIdsByExternalId(equality.value);
  const candidates = [...ids].map((id) => store.userView(store.users.get(id)!));
  return matching(request.filter, candidates);
}

function readGroups(store: ScimStore, request: ReadRequest): ScimRecord | ScimRecord[] {
  if (request.id !== undefined) {
    const record = store.groups.get(request.id);
    if (record === undefined) throw new SCIMMY.Types.Error(404, null!, `Resource ${request.id} not found`);
    return record;
  }
  return matching(request.filter, [...store.groups.values()]);
}

let declared = false;

/** Declares Users and Groups to scimmy once per process; each request brings its store as context. */
export function declareScimResources(): void {
  if (declared) return;
  declared = true;
  // With the enterprise extension (employeeNumber, department, ...), as most business applications have.
  SCIMMY.Resources.declare(SCIMMY.Resources.User.extend(SCIMMY.Schemas.EnterpriseUser, false))
    .egress((resource, store: ScimStore) => readUsers(store, resource as ReadRequest) as never)
    .ingress((resource, instance, store: ScimStore) => {
      const record = incoming(store.users, resource.id, instance, "User");
      store.saveUser(record);
      return store.userView(record) as never;
    })
    .degress((resource, store: ScimStore) => store.deleteUser(resource.id!));
  SCIMMY.Resources.declare(SCIMMY.Resources.Group)
    .egress((resource, store: ScimStore) => readGroups(store, resource as ReadRequest) as never)
    .ingress((resource, instance, store: ScimStore) => {
      const record = incoming(store.groups, resource.id, instance, "Group");
      store.saveGroup(record);
      return record as never;
    })
    .degress((resource, store: ScimStore) => {
      if (!store.groups.delete(resource.id!)) throw new SCIMMY.Types.Error(404, null!, `Resource ${resource.id} not found`);
    });
}
