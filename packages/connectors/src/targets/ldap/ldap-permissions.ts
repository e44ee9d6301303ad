import { Attribute, Change, EqualityFilter, type Entry } from "ldapts";
import { ConnectorError } from "../../connector-error.ts";
import type { TargetPermission, TargetWriteResult } from "../target-connector.ts";
import { ldapErrorCode } from "./ldap-errors.ts";
import { attempt, referenceFilter, referenceOf, referenceReading, requireEntryByReference, withinFilter, type LdapContext } from "./ldap-entries.ts";
import { attributeOf, entryValues, escapeDnValue } from "./ldap-values.ts";

/** Groups as permissions: list, membership of one account, grant, revoke, create. */

const TYPE_OR_VALUE_EXISTS = 20;
const ALREADY_EXISTS = 68;
const NO_SUCH_ATTRIBUTE = 16;
/** AD's global security group. */
const GLOBAL_SECURITY_GROUP = "-2147483646";
/** Values per ranged read: Active Directory's default MaxValRange. */
export const MEMBER_RANGE_SIZE = 1500;
/** A bound on ranged reads, so a directory that keeps answering ranges cannot loop us forever. */
const MAX_MEMBERS = 5_000_000;

function permissionAttributes(context: LdapContext): string[] {
  return [context.config.referenceAttribute, "cn", "displayName", "description"];
}

function toPermission(context: LdapContext, entry: Entry): TargetPermission {
  const [name] = entryValues(attributeOf(entry, "displayName") ?? attributeOf(entry, "cn"));
  const [description] = entryValues(attributeOf(entry, "description"));
  return { reference: referenceOf(context.config, entry), displayName: name ?? entry.dn, kind: "group", ...(description ? { description } : {}) };
}

export async function listPermissions(context: LdapContext): Promise<TargetPermission[]> {
  const { config, directory } = context;
  const result = await attempt(context, `listing groups under ${config.groupsBaseDn}`, () =>
    directory.search(config.groupsBaseDn, {
      scope: "sub",
      filter: withinFilter(config.groupFilter),
      attributes: permissionAttributes(context),
      paged: { pageSize: config.pageSize },
      ...referenceReading(config),
    }),
  );
  return result.searchEntries.map((entry) => toPermission(context, entry));
}

async function requireGroup(context: LdapContext, reference: string): Promise<Entry> {
  const { config, directory } = context;
  const filter = withinFilter(config.groupFilter, referenceFilter(config, reference));
  const result = await attempt(context, `looking up the group ${reference}`, () =>
    directory.search(config.groupsBaseDn, { scope: "sub", filter, attributes: [config.referenceAttribute], ...referenceReading(config) }),
  );
  const group = result.searchEntries[0];
  if (!group) throw new ConnectorError("not_found", `no group with ${config.referenceAttribute} ${reference} under ${config.groupsBaseDn}: it was deleted or moved`);
  return group;
}

/** The groups (by reference) whose member attribute holds the account's DN. */
export async function accountPermissions(context: LdapContext, reference: string): Promise<string[]> {
  const { config, directory } = context;
  const account = await requireEntryByReference(context, reference, [config.referenceAttribute]);
  const filter = withinFilter(config.groupFilter, new EqualityFilter({ attribute: config.memberAttribute, value: account.dn }));
  const result = await attempt(context, `listing the groups of ${account.dn}`, () =>
    directory.search(config.groupsBaseDn, { scope: "sub", filter, attributes: [config.referenceAttribute], paged: { pageSize: config.pageSize }, ...referenceReading(config) }),
  );
  return result.searchEntries.map((entry) => referenceOf(config, entry));
}

/** Whether the group's member attribute holds the DN, asked of the directory without reading every member. */
async function isMember(context: LdapContext, groupDn: string, memberDn: string): Promise<boolean> {
  const { config, directory } = context;
  const result = await attempt(context, `checking the members of ${groupDn}`, () =>
    directory.search(groupDn, { scope: "base", filter: new EqualityFilter({ attribute: config.memberAttribute, value: memberDn }), attributes: ["1.1"] }),
  );
  return result.searchEntries.length > 0;
}

/**
 * Every member DN of a group. Active Directory hands out at most 1,500 values of a large
 * attribute per read, so members are read in explicit ranges (member;range=0-1499, then
 * member;range=1500-2999, ...) until the directory answers a range ending in "*".
 */
export async function groupMembers(context: LdapContext, groupDn: string): Promise<string[]> {
  const { config, directory } = context;
  const read = async (attribute: string) =>
    (await attempt(context, `reading the members of ${groupDn}`, () => directory.search(groupDn, { scope: "base", filter: "(objectClass=*)", attributes: [attribute] }))).searchEntries[0];
  const plainRead = async () => entryValues(attributeOf((await read(config.memberAttribute)) ?? { dn: groupDn }, config.memberAttribute));
  if (!config.activeDirectory) return plainRead();
  const members: string[] = [];
  const rangePattern = new RegExp(`^${config.memberAttribute};range=(\\d+)-(\\d+|\\*)$`, "i");
  for (let start = 0; start < MAX_MEMBERS; ) {
    const entry = await read(`${config.memberAttribute};range=${start}-${start + MEMBER_RANGE_SIZE - 1}`);
    // ldapts lists a requested attribute that did not come back with no values: only a key with values counts.
    const rangedKey = entry && Object.keys(entry).find((key) => rangePattern.test(key) && entryValues(entry[key]).length > 0);
    if (!rangedKey) {
      // No ranges at all: an empty group, or a directory that does not know ranges (read it whole).
      return start === 0 ? plainRead() : members;
    }
    members.push(...entryValues(entry[rangedKey]));
    const [, , end] = rangePattern.exec(rangedKey)!;
    if (end === "*") return members;
    start = Number(end) + 1;
  }
  throw new ConnectorError("target_refused", `${groupDn} has more than ${MAX_MEMBERS} members: too many to read`);
}

/** Adds or removes the account's DN in the group's member attribute; the state already reached is "already". */
export async function changeMembership(context: LdapContext, accountReference: string, permissionReference: string, grant: boolean): Promise<TargetWriteResult> {
  const { config, directory } = context;
  const account = await requireEntryByReference(context, accountReference, [config.referenceAttribute]);
  const group = await requireGroup(context, permissionReference);
  const already = { outcome: "already" as const, messages: [`${grant ? "already a member" : "not a member"} of ${group.dn}`] };
  if ((await isMember(context, group.dn, account.dn)) === grant) return already;
  const change = new Change({ operation: grant ? "add" : "delete", modification: new Attribute({ type: config.memberAttribute, values: [account.dn] }) });
  try {
    await directory.modify(group.dn, change);
  } catch (error) {
    // Someone else made the same change between the check and ours.
    const code = ldapErrorCode(error);
    if (grant ? code === TYPE_OR_VALUE_EXISTS || code === ALREADY_EXISTS : code === NO_SUCH_ATTRIBUTE) return already;
    return attempt(context, `${grant ? "adding" : "removing"} ${account.dn} ${grant ? "to" : "from"} ${group.dn}`, () => Promise.reject(error));
  }
  return { outcome: "done", messages: [`${grant ? "added to" : "removed from"} ${group.dn}`] };
}

/** Creates a group under groupsBaseDn, or returns the one of that name that exists already. */
export async function createPermission(context: LdapContext, name: string, kind: string): Promise<TargetPermission> {
  const { config, directory } = context;
  if (kind !== "group") throw new ConnectorError("missing_input", `this directory only creates permissions of kind "group", not "${kind.slice(0, 50)}"`);
  if (name.trim() === "" || name.length > 64) throw new ConnectorError("missing_input", "a group name needs 1 to 64 characters");
  const dn = `cn=${escapeDnValue(name)},${config.groupsBaseDn}`;
  const attributes = config.activeDirectory
    ? { objectClass: config.groupObjectClasses, cn: name, groupType: GLOBAL_SECURITY_GROUP, ...(/^[^"/\\[\]:;|=,+*?<>@]{1,64}$/.test(name) ? { sAMAccountName: name } : {}), ...config.groupFixedAttributes }
    : // groupOfNames must have a member: the empty DN stands for "nobody".
      { objectClass: config.groupObjectClasses, cn: name, [config.memberAttribute]: "", ...config.groupFixedAttributes };
  try {
    await directory.add(dn, attributes);
  } catch (error) {
    if (ldapErrorCode(error) !== ALREADY_EXISTS) return attempt(context, `adding the group ${dn}`, () => Promise.reject(error));
  }
  const result = await attempt(context, `reading ${dn}`, () =>
    directory.search(dn, { scope: "base", filter: "(objectClass=*)", attributes: permissionAttributes(context), ...referenceReading(config) }),
  );
  if (!result.searchEntries[0]) throw new ConnectorError("not_found", `${dn} cannot be read back after creating it`);
  return toPermission(context, result.searchEntries[0]);
}

/** The member DNs of a group given by its reference (ranged reads on Active Directory). */
export async function permissionMembers(context: LdapContext, permissionReference: string): Promise<string[]> {
  const group = await requireGroup(context, permissionReference);
  // The empty DN is how a groupOfNames without members still has its required member value.
  return (await groupMembers(context, group.dn)).filter((member) => member !== "");
}
