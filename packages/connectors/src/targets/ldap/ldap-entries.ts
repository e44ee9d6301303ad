import { AndFilter, EqualityFilter, FilterParser, type Entry, type Filter } from "ldapts";
import { ConnectorError } from "../../connector-error.ts";
import type { AccountData, TargetAccount } from "../target-connector.ts";
import { translateLdapError } from "./ldap-errors.ts";
import type { LdapConfig } from "./ldap-settings.ts";
import type { LdapDirectory } from "./ldap-transport.ts";
import { attributeOf, bytesFromGuid, entryValues, guidFromBytes, isUuid, parentDn } from "./ldap-values.ts";

/** One open directory and its settings: what every operation of a session works with. */
export interface LdapContext {
  config: LdapConfig;
  directory: LdapDirectory;
}

/** Runs one directory operation; whatever it throws becomes an error the engine can act on. */
export async function attempt<T>(context: LdapContext, doing: string, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw translateLdapError(error, { doing, url: context.config.url, bindDn: context.config.bindDn });
  }
}

/** Never read back: secrets, and binary values that have no useful text form. */
const NEVER_READ = new Set(
  ["userPassword", "unicodePwd", "dBCSPwd", "ntPwdHistory", "lmPwdHistory", "supplementalCredentials", "nTSecurityDescriptor", "objectSid", "objectGUID", "entryUUID", "thumbnailPhoto", "jpegPhoto", "userCertificate", "logonHours", "mS-DS-ConsistencyGuid", "msExchMailboxGuid", "objectClass"].map((name) => name.toLowerCase()),
);
const USER_ACCOUNT_CONTROL = "userAccountControl";
const ACCOUNT_DISABLE = 2;

export function userAccountControlOf(entry: Entry): number | undefined {
  const [value] = entryValues(attributeOf(entry, USER_ACCOUNT_CONTROL));
  return value === undefined ? undefined : Number(value);
}

export function isDisabledFlag(userAccountControl: number): boolean {
  return (userAccountControl & ACCOUNT_DISABLE) !== 0;
}

/** userAccountControl with only the "disabled" bit changed: every other flag is kept. */
export function withDisabledFlag(userAccountControl: number, enabled: boolean): number {
  return enabled ? userAccountControl & ~ACCOUNT_DISABLE : userAccountControl | ACCOUNT_DISABLE;
}

/** The attributes a search for accounts asks for (the reference is operational on OpenLDAP). */
export function accountAttributes(config: LdapConfig): string[] {
  const extra = [config.referenceAttribute, config.namingAttribute, "displayName", config.activeDirectory ? USER_ACCOUNT_CONTROL : (config.disableAttribute?.attribute ?? "cn")];
  return config.readAttributes.length > 0 ? [...new Set([...config.readAttributes, ...extra])] : ["*", config.referenceAttribute];
}

/** Search options that read the reference as bytes where it is binary (AD's objectGUID). */
export function referenceReading(config: LdapConfig): { explicitBufferAttributes?: string[] } {
  return config.referenceAttribute.toLowerCase() === "objectguid" ? { explicitBufferAttributes: [config.referenceAttribute] } : {};
}

export function referenceOf(config: LdapConfig, entry: Entry): string {
  const value = attributeOf(entry, config.referenceAttribute);
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined) {
    throw new ConnectorError("target_refused", `the entry ${entry.dn} has no ${config.referenceAttribute}: set referenceAttribute to an attribute every entry has`);
  }
  return Buffer.isBuffer(first) ? (first.length === 16 ? guidFromBytes(first) : first.toString("hex")) : first;
}

/** The filter that finds an entry by its reference: the GUID's bytes on AD, the text elsewhere. */
export function referenceFilter(config: LdapConfig, reference: string): Filter {
  const attribute = config.referenceAttribute;
  if (attribute.toLowerCase() === "objectguid") return new EqualityFilter({ attribute, value: bytesFromGuid(reference) });
  if (attribute.toLowerCase() === "entryuuid" && !isUuid(reference)) {
    throw new ConnectorError("invalid_settings", `'${reference.slice(0, 100)}' is not an entryUUID (expected 8-4-4-4-12 hexadecimal digits)`);
  }
  return new EqualityFilter({ attribute, value: reference });
}

/** The configured filter (checked when the settings were saved) joined with one more condition. */
export function withinFilter(configuredFilter: string, condition?: Filter): Filter {
  const configured = FilterParser.parseString(configuredFilter);
  return condition ? new AndFilter({ filters: [configured, condition] }) : configured;
}

function isEnabled(config: LdapConfig, entry: Entry): boolean {
  if (config.activeDirectory) {
    const flags = userAccountControlOf(entry);
    return flags === undefined ? true : !isDisabledFlag(flags);
  }
  if (!config.disableAttribute) return true;
  const disabledValue = config.disableAttribute.disabledValue.toLowerCase();
  return !entryValues(attributeOf(entry, config.disableAttribute.attribute)).some((value) => value.toLowerCase() === disabledValue);
}

/** A search entry as the engine sees an account. */
export function toTargetAccount(config: LdapConfig, entry: Entry): TargetAccount {
  const data = Object.create(null) as AccountData;
  for (const [name, raw] of Object.entries(entry)) {
    if (name === "dn" || NEVER_READ.has(name.toLowerCase())) continue;
    const values = entryValues(raw);
    // A value that was not valid UTF-8 is binary (a photo, a hash): it has no text to show.
    if (values.length === 0 || values.some((value) => value.includes("\uFFFD"))) continue;
    data[name] = values.length === 1 ? values[0]! : values;
  }
  const [displayName] = entryValues(attributeOf(entry, "displayName") ?? attributeOf(entry, config.namingAttribute));
  return {
    reference: referenceOf(config, entry),
    location: entry.dn,
    container: parentDn(entry.dn),
    enabled: isEnabled(config, entry),
    data,
    ...(displayName ? { displayName } : {}),
  };
}

/** The account entry with this reference under the base DN, or null when there is none. */
export async function findEntryByReference(context: LdapContext, reference: string, attributes?: string[]): Promise<Entry | null> {
  const { config, directory } = context;
  const filter = withinFilter(config.accountFilter, referenceFilter(config, reference));
  const result = await attempt(context, `looking up the account ${reference}`, () =>
    directory.search(config.baseDn, { scope: "sub", filter, attributes: attributes ?? accountAttributes(config), ...referenceReading(config) }),
  );
  return result.searchEntries[0] ?? null;
}

/** Like findEntryByReference, for operations that need the account to exist. */
export async function requireEntryByReference(context: LdapContext, reference: string, attributes?: string[]): Promise<Entry> {
  const entry = await findEntryByReference(context, reference, attributes);
  if (!entry) {
    throw new ConnectorError("not_found", `no account with ${context.config.referenceAttribute} ${reference} under ${context.config.baseDn}: it was deleted or moved out of the base DN`);
  }
  return entry;
}

/** Reads one entry by its DN (after a write, to return what the directory holds now). */
export async function readEntry(context: LdapContext, dn: string): Promise<Entry> {
  const { config, directory } = context;
  const result = await attempt(context, `reading ${dn}`, () =>
    directory.search(dn, { scope: "base", filter: "(objectClass=*)", attributes: accountAttributes(config), ...referenceReading(config) }),
  );
  const entry = result.searchEntries[0];
  if (!entry) throw new ConnectorError("not_found", `${dn} cannot be read back: check the bind account's read rights`);
  return entry;
}

/** What the directory's root entry (rootDSE) says of itself: read once per session. */
const rootEntries = new WeakMap<LdapContext, Promise<Entry | undefined>>();

export function rootEntry(context: LdapContext): Promise<Entry | undefined> {
  let root = rootEntries.get(context);
  if (!root) {
    root = attempt(context, "reading the directory's root entry", () =>
      context.directory.search("", { scope: "base", filter: "(objectClass=*)", attributes: ["namingContexts", "defaultNamingContext", "supportedControl"] }),
    ).then((result) => result.searchEntries[0]);
    rootEntries.set(context, root);
  }
  return root;
}
