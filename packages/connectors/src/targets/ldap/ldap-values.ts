import { isForbiddenKey } from "@idlife/core";
import { ConnectorError } from "../../connector-error.ts";
import type { AccountValue } from "../target-connector.ts";

/** Text forms of directory names and values: GUIDs, DNs and attribute values. */

const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ATTRIBUTE_NAME = /^[A-Za-z][A-Za-z0-9-]*$/;

/**
 * Active Directory stores objectGUID as 16 bytes whose first three groups are little-endian; the
 * standard text form (as PowerShell and the AD tools show it) swaps them back.
 */
const GUID_BYTE_ORDER = [3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15];

export function guidFromBytes(bytes: Buffer): string {
  if (bytes.length !== 16) throw new Error(`an objectGUID has 16 bytes, not ${bytes.length}`);
  const hex = GUID_BYTE_ORDER.map((index) => bytes[index]!.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function bytesFromGuid(guid: string): Buffer {
  if (!GUID_PATTERN.test(guid)) throw new ConnectorError("invalid_settings", `'${guid.slice(0, 100)}' is not an objectGUID (expected 8-4-4-4-12 hexadecimal digits)`);
  const hex = Buffer.from(guid.replaceAll("-", ""), "hex");
  const bytes = Buffer.alloc(16);
  GUID_BYTE_ORDER.forEach((source, target) => (bytes[source] = hex[target]!));
  return bytes;
}

export function isUuid(value: string): boolean {
  return GUID_PATTERN.test(value);
}

/**
 * Escapes an attribute value for use in a DN (RFC 4514, section 2.4). Written here because
 * ldapts' RDN quotes values with leading or trailing spaces, a form RFC 4514 dropped and
 * Active Directory refuses.
 */
export function escapeDnValue(value: string): string {
  const trailingSpace = value.endsWith(" ");
  const body = trailingSpace ? value.slice(0, -1) : value;
  let escaped = body.replace(/[\\"+,;<>=]/g, (character) => `\\${character}`).replace(/\0/g, "\\00");
  if (escaped.startsWith("#") || escaped.startsWith(" ")) escaped = `\\${escaped}`;
  return trailingSpace ? `${escaped}\\ ` : escaped;
}

/** The position of the first comma that separates two parts of a DN (not an escaped one). */
function firstSeparator(dn: string): number {
  for (let index = 0; index < dn.length; index += 1) {
    if (dn[index] === "\\") index += 1;
    else if (dn[index] === ",") return index;
  }
  return -1;
}

/** CN=Jane Doe,OU=Staff,DC=example,DC=org -> OU=Staff,DC=example,DC=org */
export function parentDn(dn: string): string {
  const separator = firstSeparator(dn);
  return separator < 0 ? "" : dn.slice(separator + 1).trim();
}

/** CN=Jane Doe,OU=Staff,... -> CN=Jane Doe */
export function firstRdn(dn: string): string {
  const separator = firstSeparator(dn);
  return separator < 0 ? dn : dn.slice(0, separator);
}

/** Compares DNs the way directories do for our purposes: case and spaces after commas do not matter. */
export function sameDn(left: string, right: string): boolean {
  const normal = (dn: string) => dn.replace(/,\s+/g, ",").toLowerCase();
  return normal(left) === normal(right);
}

/** Whether the entry is the base or lies under it (an account outside the base DN is lost to every lookup). */
export function isWithin(dn: string, base: string): boolean {
  const normal = (value: string) => value.replace(/,\s+/g, ",").toLowerCase();
  return normal(dn) === normal(base) || normal(dn).endsWith(`,${normal(base)}`);
}

/** Refuses attribute names a directory would not accept or that would walk off a plain object. */
export function checkAttributeName(name: string, what: string): void {
  if (!ATTRIBUTE_NAME.test(name) || name.length > 100 || isForbiddenKey(name)) {
    throw new ConnectorError("invalid_settings", `${what} '${name.slice(0, 100)}' is not an LDAP attribute name (letters, digits and '-', starting with a letter)`);
  }
}

/** An account value as LDAP values; null means "remove the attribute". */
export function toDirectoryValues(value: AccountValue): string[] | null {
  if (value === null) return null;
  if (Array.isArray(value)) return value.length === 0 ? null : value.map(String);
  if (typeof value === "boolean") return [value ? "TRUE" : "FALSE"];
  const text = String(value);
  return text === "" ? null : [text];
}

/** The values of one attribute of a search entry as text (binary values stay out). */
export function entryValues(value: Buffer | Buffer[] | string[] | string | undefined): string[] {
  if (value === undefined) return [];
  const values = Array.isArray(value) ? value : [value];
  return values.filter((item): item is string => typeof item === "string");
}

/**
 * The values of one attribute of a search entry, looked up without regard to case; undefined when
 * the entry has none (ldapts answers an attribute that was asked for but is absent as []).
 */
export function attributeOf(entry: Record<string, unknown>, name: string): Buffer | Buffer[] | string[] | string | undefined {
  const wanted = name.toLowerCase();
  for (const key of Object.keys(entry)) {
    if (key.toLowerCase() !== wanted) continue;
    const value = entry[key] as Buffer | Buffer[] | string[] | string;
    return Array.isArray(value) && value.length === 0 ? undefined : value;
  }
  return undefined;
}
