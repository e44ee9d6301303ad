import { Attribute, Change } from "ldapts";
import { ConnectorError } from "../../connector-error.ts";
import type { AccountData, CreateAccountInput, TargetAccount, TargetWriteResult, UpdateAccountInput } from "../target-connector.ts";
import { ldapErrorCode } from "./ldap-errors.ts";
import {
  accountAttributes,
  attempt,
  findEntryByReference,
  readEntry,
  referenceReading,
  requireEntryByReference,
  toTargetAccount,
  userAccountControlOf,
  withDisabledFlag,
  type LdapContext,
} from "./ldap-entries.ts";
import { hasPostRead, PostReadControl } from "./ldap-post-read.ts";
import type { LdapConfig } from "./ldap-settings.ts";
import { attributeOf, checkAttributeName, entryValues, escapeDnValue, firstRdn, isWithin, parentDn, sameDn, toDirectoryValues } from "./ldap-values.ts";

/** Account writes: create, update (with rename and move), enable/disable and delete. */

const NORMAL_ACCOUNT = 512;
const NORMAL_ACCOUNT_DISABLED = 514;
const NO_SUCH_OBJECT = 32;
const CONSTRAINT_VIOLATION = 19;
const UNWILLING_TO_PERFORM = 53;

/** Attributes the connector sets itself; a mapping that sends them is refused with the reason. */
function checkDataAttribute(config: LdapConfig, name: string): void {
  checkAttributeName(name, "the account attribute");
  const lower = name.toLowerCase();
  if (lower === "objectclass") throw new ConnectorError("invalid_settings", "objectClass is set from the objectClasses setting: remove it from the field mapping");
  if (lower === "unicodepwd" || lower === "userpassword") throw new ConnectorError("invalid_settings", `${name} is set from the password policy: remove it from the field mapping`);
  if (lower === "useraccountcontrol" && config.activeDirectory) throw new ConnectorError("invalid_settings", "userAccountControl follows the account's access (enabled or disabled): remove it from the field mapping");
  if (lower === config.referenceAttribute.toLowerCase()) throw new ConnectorError("invalid_settings", `${name} is the directory's own reference and cannot be written`);
}

/** Accounts are found under the base DN only: a container elsewhere would lose the account. */
function checkContainer(config: LdapConfig, container: string | undefined): void {
  if (container !== undefined && !isWithin(container, config.baseDn)) {
    throw new ConnectorError("invalid_settings", `the container ${container.slice(0, 500)} is outside the base DN ${config.baseDn}: map containers under the base DN, or widen the base DN`);
  }
}

function passwordAttribute(config: LdapConfig, password: string): Attribute {
  if (!config.protectedConnection) {
    throw new ConnectorError("insecure_connection", "a password is only sent over a protected connection: use an ldaps:// URL or turn on StartTLS");
  }
  // Active Directory takes a new password as the UTF-16LE bytes of the quoted password.
  return config.activeDirectory
    ? new Attribute({ type: "unicodePwd", values: [Buffer.from(`"${password}"`, "utf16le")] })
    : new Attribute({ type: "userPassword", values: [password] });
}

function accessAttribute(config: LdapConfig, enabled: boolean): Attribute | undefined {
  if (config.activeDirectory) return new Attribute({ type: "userAccountControl", values: [String(enabled ? NORMAL_ACCOUNT : NORMAL_ACCOUNT_DISABLED)] });
  const setting = config.disableAttribute;
  if (!setting) return undefined;
  const value = enabled ? setting.enabledValue : setting.disabledValue;
  return value === undefined ? undefined : new Attribute({ type: setting.attribute, values: [value] });
}

export async function createAccount(context: LdapContext, input: CreateAccountInput): Promise<TargetWriteResult & { account: TargetAccount }> {
  const { config, directory } = context;
  checkContainer(config, input.container);
  const values = new Map<string, string[]>();
  for (const [name, value] of Object.entries(config.fixedAttributes)) values.set(name, Array.isArray(value) ? value : [value]);
  for (const [name, value] of Object.entries(input.data)) {
    checkDataAttribute(config, name);
    const directoryValues = toDirectoryValues(value);
    if (directoryValues) values.set(name, directoryValues);
    else values.delete(name);
  }
  const naming = [...values.entries()].find(([name]) => name.toLowerCase() === config.namingAttribute.toLowerCase())?.[1];
  if (!naming || naming.length !== 1) {
    throw new ConnectorError("missing_input", `the account needs exactly one ${config.namingAttribute} value (it names the entry): map ${config.namingAttribute} in the field mapping`);
  }
  const dn = `${config.namingAttribute}=${escapeDnValue(naming[0]!)},${input.container ?? config.baseDn}`;
  const attributes = [new Attribute({ type: "objectClass", values: config.objectClasses }), ...[...values].map(([type, list]) => new Attribute({ type, values: list }))];
  if (input.password !== undefined) attributes.push(passwordAttribute(config, input.password));
  const access = accessAttribute(config, input.enabled);
  if (access) attributes.push(access);
  // Where the directory has post-read, the add answers with the new entry (one round trip).
  const postRead = (await hasPostRead(context)) ? new PostReadControl(accountAttributes(config), referenceReading(config).explicitBufferAttributes) : undefined;
  await attempt(context, `adding ${dn}`, () => directory.add(dn, attributes, postRead).catch((error: unknown) => Promise.reject(passwordRefusal(error, dn, input.password))));
  const read = postRead?.entry;
  const account = toTargetAccount(config, read && attributeOf(read, config.referenceAttribute) !== undefined ? read : await readEntry(context, dn));
  const messages = [`created ${dn}${input.enabled ? "" : " (disabled)"}`];
  if (!input.enabled && !access) messages.push("this directory has no disable attribute configured: the account is active");
  return { account, outcome: "done", messages };
}

/**
 * Active Directory answers a password its policy refuses with a constraint violation or
 * "unwilling to perform" that names no attribute: say that it was the password (never its value).
 */
function passwordRefusal(error: unknown, dn: string, password: string | undefined): unknown {
  const code = ldapErrorCode(error);
  if (password === undefined || (code !== CONSTRAINT_VIOLATION && code !== UNWILLING_TO_PERFORM)) return error;
  const said = error instanceof Error ? error.message.replace(/\s*Code: 0x[0-9a-f]+$/i, "") : "";
  if (!/password|0000052D/i.test(said)) return error;
  return new ConnectorError("target_refused", `the directory refused the password for ${dn}: it does not meet the domain's password policy (${said.slice(0, 300)}); nothing was created`, {}, { cause: error });
}

function sameValues(current: string[], wanted: string[]): boolean {
  return current.length === wanted.length && current.every((value) => wanted.includes(value));
}

/** Only what differs from the directory is sent; a changed naming attribute renames, a new container moves. */
export async function updateAccount(context: LdapContext, reference: string, input: UpdateAccountInput): Promise<TargetWriteResult> {
  const { config, directory } = context;
  const names = Object.keys(input.changes);
  names.forEach((name) => checkDataAttribute(config, name));
  checkContainer(config, input.container);
  const entry = await requireEntryByReference(context, reference, [config.referenceAttribute, config.namingAttribute, ...names]);
  const changes: Change[] = [];
  let newRdn: string | undefined;
  for (const name of names) {
    const wanted = toDirectoryValues((input.changes as AccountData)[name]!);
    const current = entryValues(attributeOf(entry, name));
    if (name.toLowerCase() === config.namingAttribute.toLowerCase()) {
      if (!wanted || wanted.length !== 1) throw new ConnectorError("missing_input", `${config.namingAttribute} names the entry: it needs exactly one value`);
      if (!sameValues(current, wanted)) newRdn = `${config.namingAttribute}=${escapeDnValue(wanted[0]!)}`;
    } else if (wanted === null) {
      if (current.length > 0) changes.push(new Change({ operation: "delete", modification: new Attribute({ type: name }) }));
    } else if (!sameValues(current, wanted)) {
      changes.push(new Change({ operation: "replace", modification: new Attribute({ type: name, values: wanted }) }));
    }
  }
  const messages: string[] = [];
  let dn = entry.dn;
  if (changes.length > 0) {
    await attempt(context, `changing ${changes.map((change) => change.modification.type).join(", ")} of ${dn}`, () => directory.modify(dn, changes));
    messages.push(`changed ${changes.map((change) => change.modification.type).join(", ")}`);
  }
  const moving = input.container !== undefined && !sameDn(input.container, parentDn(dn));
  if (newRdn || moving) {
    const target = `${newRdn ?? firstRdn(dn)},${moving ? input.container! : parentDn(dn)}`;
    await attempt(context, `moving ${dn} to ${target}`, () => directory.modifyDN(dn, target));
    if (newRdn) messages.push(`renamed to ${newRdn}`);
    if (moving) messages.push(`moved to ${input.container}`);
    dn = target;
  }
  if (messages.length === 0) return { outcome: "already", messages: ["the directory already holds these values"], account: toTargetAccount(config, await readEntry(context, dn)) };
  return { outcome: "done", messages, account: toTargetAccount(config, await readEntry(context, dn)) };
}

export async function setAccountEnabled(context: LdapContext, reference: string, enabled: boolean): Promise<TargetWriteResult> {
  const { config, directory } = context;
  const entry = await requireEntryByReference(context, reference);
  const account = toTargetAccount(config, entry);
  if (account.enabled === enabled) return { outcome: "already", messages: [`already ${enabled ? "enabled" : "disabled"}`], account };
  let change: Change;
  if (config.activeDirectory) {
    const flags = userAccountControlOf(entry);
    if (flags === undefined) throw new ConnectorError("target_refused", `${entry.dn} has no userAccountControl: is it an Active Directory user?`);
    change = new Change({ operation: "replace", modification: new Attribute({ type: "userAccountControl", values: [String(withDisabledFlag(flags, enabled))] }) });
  } else {
    const setting = config.disableAttribute;
    if (!setting) throw new ConnectorError("invalid_settings", "this directory has no disable attribute configured: set disableAttribute in the target system's settings");
    const value = enabled ? setting.enabledValue : setting.disabledValue;
    change = value === undefined
      ? new Change({ operation: "delete", modification: new Attribute({ type: setting.attribute }) })
      : new Change({ operation: "replace", modification: new Attribute({ type: setting.attribute, values: [value] }) });
  }
  await attempt(context, `${enabled ? "enabling" : "disabling"} ${entry.dn}`, () => directory.modify(entry.dn, change));
  return { outcome: "done", messages: [`${enabled ? "enabled" : "disabled"} ${entry.dn}`], account: toTargetAccount(config, await readEntry(context, entry.dn)) };
}

export async function deleteAccount(context: LdapContext, reference: string): Promise<TargetWriteResult> {
  const entry = await findEntryByReference(context, reference, [context.config.referenceAttribute]);
  if (!entry) return { outcome: "already", messages: ["the account was already gone"] };
  try {
    await context.directory.del(entry.dn);
  } catch (error) {
    // Deleted by someone else between the lookup and the delete: the wanted state is reached.
    if (ldapErrorCode(error) === NO_SUCH_OBJECT) return { outcome: "already", messages: ["the account was already gone"] };
    return attempt(context, `deleting ${entry.dn}`, () => Promise.reject(error));
  }
  return { outcome: "done", messages: [`deleted ${entry.dn}`] };
}
