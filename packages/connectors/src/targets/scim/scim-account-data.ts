import { isForbiddenKey } from "@idlife/core";
import { ConnectorError } from "../../connector-error.ts";
import type { AccountData, AccountValue } from "../target-connector.ts";

/**
 * How the engine's flat account data maps onto SCIM User JSON (RFC 7643 section 4.1):
 * - `userName`, `displayName`, `active`, ...: the top-level attribute of that name;
 * - `name.givenName`, `name.familyName`, ...: a sub-attribute (`{ name: { givenName } }`);
 * - `emails.work`, `phoneNumbers.mobile`, ...: the value of the entry of that type in a multi-valued
 *   attribute (emails, phoneNumbers, ims, photos); plain `emails` means `emails.work`. Other entries,
 *   such as a home address someone added in the application, are left alone;
 * - `urn:...:User:attribute` (e.g. the enterprise extension's employeeNumber or department):
 *   an attribute of that schema extension, whose URN is added to `schemas`.
 */
export const CORE_USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
export const ENTERPRISE_USER_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

export type ScimAttribute =
  | { kind: "top"; name: string }
  | { kind: "sub"; parent: string; name: string }
  | { kind: "typed-value"; parent: string; type: string }
  | { kind: "extension"; urn: string; name: string };

const NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;
const EXTENSION = /^(urn:[A-Za-z0-9.:_-]+):([A-Za-z][A-Za-z0-9_-]*)$/;
const TYPED_VALUE_ATTRIBUTES = new Set(["emails", "phoneNumbers", "ims", "photos"]);
const DEFAULT_TYPE = "work";
/** Attributes a client never writes: the service assigns or computes them. */
const READ_ONLY = new Set(["id", "meta", "groups", "schemas"]);

export function parseScimAttribute(attribute: string): ScimAttribute {
  const refuse = (why: string) =>
    new ConnectorError("invalid_settings", `"${attribute.slice(0, 200)}" is not a SCIM attribute this connector can write: ${why}`);
  const extension = EXTENSION.exec(attribute);
  if (extension) {
    if (isForbiddenKey(extension[2]!)) throw refuse("it names an object's prototype");
    return { kind: "extension", urn: extension[1]!, name: extension[2]! };
  }
  const parts = attribute.split(".");
  if (parts.length > 2 || !parts.every((part) => NAME.test(part))) {
    throw refuse('use an attribute name (userName), a sub-attribute (name.givenName) or an extension attribute (urn:...:User:department)');
  }
  if (parts.some(isForbiddenKey)) throw refuse("it names an object's prototype");
  if (READ_ONLY.has(parts[0]!)) throw refuse("the SCIM service assigns it");
  if (TYPED_VALUE_ATTRIBUTES.has(parts[0]!)) {
    const type = parts[1] === undefined || parts[1] === "value" ? DEFAULT_TYPE : parts[1];
    return { kind: "typed-value", parent: parts[0]!, type };
  }
  if (parts.length === 2) return { kind: "sub", parent: parts[0]!, name: parts[1]! };
  return { kind: "top", name: attribute };
}

type JsonObject = Record<string, unknown>;

/** An object for keys that come from configuration: no prototype, so "__proto__" can only be data. */
const emptyObject = (): JsonObject => Object.create(null) as JsonObject;

function child(parent: JsonObject, key: string): JsonObject {
  const existing = parent[key];
  if (existing !== null && typeof existing === "object" && !Array.isArray(existing)) return existing as JsonObject;
  const created = emptyObject();
  parent[key] = created;
  return created;
}

function scimValue(attribute: ScimAttribute, value: AccountValue): unknown {
  if (attribute.kind === "top" && attribute.name === "active" && typeof value === "string") {
    if (value === "true" || value === "false") return value === "true";
  }
  return value;
}

/** The SCIM User for a create: the mapped attributes, the schemas they need, and `active`. */
export function toScimUser(data: AccountData, options: { enabled: boolean; password?: string }): JsonObject {
  const user = emptyObject();
  const schemas = new Set([CORE_USER_SCHEMA]);
  for (const [key, value] of Object.entries(data)) {
    if (value === null) continue;
    const attribute = parseScimAttribute(key);
    if (attribute.kind === "top") user[attribute.name] = scimValue(attribute, value);
    else if (attribute.kind === "sub") child(user, attribute.parent)[attribute.name] = value;
    else if (attribute.kind === "typed-value") {
      const entries = Array.isArray(user[attribute.parent]) ? (user[attribute.parent] as unknown[]) : [];
      user[attribute.parent] = [...entries, { type: attribute.type, value, ...(entries.length === 0 ? { primary: true } : {}) }];
    }
    else {
      child(user, attribute.urn)[attribute.name] = value;
      schemas.add(attribute.urn);
    }
  }
  user.active = options.enabled;
  if (options.password !== undefined) user.password = options.password;
  user.schemas = [...schemas];
  return user;
}

export interface PatchOperation {
  op: "add" | "replace" | "remove";
  path: string;
  value?: unknown;
}

/**
 * RFC 7644 3.5.2 operations for the changed attributes only; null clears an attribute.
 * `hasEntry` says whether the user already has an entry of that type (emails of type "work"): a
 * replace through a value filter that matches nothing is an error (noTarget), so a missing entry is added.
 */
export function patchOperations(changes: AccountData, hasEntry: (parent: string, type: string) => boolean): PatchOperation[] {
  const operations: PatchOperation[] = [];
  for (const [key, value] of Object.entries(changes)) {
    const attribute = parseScimAttribute(key);
    if (attribute.kind === "typed-value") {
      const entry = `${attribute.parent}[type eq ${JSON.stringify(attribute.type)}]`;
      if (!hasEntry(attribute.parent, attribute.type)) {
        if (value !== null) operations.push({ op: "add", path: attribute.parent, value: [{ type: attribute.type, value }] });
      } else if (value === null) operations.push({ op: "remove", path: entry });
      else operations.push({ op: "replace", path: `${entry}.value`, value });
      continue;
    }
    const path = attribute.kind === "sub" ? `${attribute.parent}.${attribute.name}` : attribute.kind === "extension" ? `${attribute.urn}:${attribute.name}` : attribute.name;
    operations.push(value === null ? { op: "remove", path } : { op: "replace", path, value: scimValue(attribute, value) });
  }
  return operations;
}

const READ_BACK_TOP = ["userName", "displayName", "externalId", "nickName", "title", "userType", "preferredLanguage", "locale", "timezone", "profileUrl", "active"];
const READ_BACK_NAME = ["givenName", "familyName", "middleName", "formatted", "honorificPrefix", "honorificSuffix"];

type Entry = { type?: unknown; primary?: unknown; value?: unknown };

function entriesOf(value: unknown): Entry[] {
  return Array.isArray(value) ? value.filter((entry): entry is Entry => entry !== null && typeof entry === "object") : [];
}

/** Whether a SCIM user (as read) has an entry of this type in a multi-valued attribute. */
export function hasTypedEntry(user: JsonObject, parent: string, type: string): boolean {
  return entriesOf(user[parent]).some((entry) => entry.type === type);
}

function accountValue(value: unknown): AccountValue | undefined {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return undefined;
}

/** A SCIM User read back in the same flat names the engine writes (see the mapping above). */
export function fromScimUser(user: JsonObject): AccountData {
  const data: AccountData = emptyObject() as AccountData;
  const put = (key: string, value: unknown) => {
    const converted = accountValue(value);
    if (converted !== undefined) data[key] = converted;
  };
  for (const key of READ_BACK_TOP) put(key, user[key]);
  const name = user.name;
  if (name !== null && typeof name === "object") for (const key of READ_BACK_NAME) put(`name.${key}`, (name as JsonObject)[key]);
  for (const parent of TYPED_VALUE_ATTRIBUTES) {
    const entries = entriesOf(user[parent]);
    // `emails` alone: the work entry, else the primary one, else the first.
    const chosen = entries.find((entry) => entry.type === DEFAULT_TYPE) ?? entries.find((entry) => entry.primary === true) ?? entries[0];
    put(parent, chosen?.value);
    for (const entry of entries) if (typeof entry.type === "string" && NAME.test(entry.type)) put(`${parent}.${entry.type}`, entry.value);
  }
  for (const [key, extension] of Object.entries(user)) {
    if (!key.startsWith("urn:") || extension === null || typeof extension !== "object" || Array.isArray(extension)) continue;
    for (const [name, value] of Object.entries(extension as JsonObject)) {
      if (NAME.test(name)) put(`${key}:${name}`, value);
    }
  }
  return data;
}
