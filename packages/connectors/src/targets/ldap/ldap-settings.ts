import { isForbiddenKey } from "@idlife/core";
import { FilterParser } from "ldapts";
import { z } from "zod";

/**
 * Settings of an Active Directory / LDAP target system. Everything an administrator types has a
 * ceiling; defaults that differ between Active Directory and other directories are filled in by
 * resolveLdapSettings, so the stored settings stay as the administrator wrote them.
 */

/** An attribute name as LDAP spells it (RFC 4512 descr); never a key that walks off a plain object. */
export const attributeNameSchema = z
  .string()
  .max(100)
  .regex(/^[A-Za-z][A-Za-z0-9-]*$/, { error: "must be an LDAP attribute name (letters, digits and '-', starting with a letter)" })
  .refine((name) => !isForbiddenKey(name), { error: "is not allowed as an attribute name" });

const distinguishedName = z.string().trim().min(3).max(2000).regex(/=/, { error: "must be a distinguished name such as OU=Staff,DC=example,DC=org" });

const searchFilter = z
  .string()
  .max(2000)
  .refine(
    (text) => {
      try {
        FilterParser.parseString(text);
        return true;
      } catch {
        return false;
      }
    },
    { error: "must be an LDAP search filter such as (objectClass=user)" },
  );

const MAX_FIXED_ATTRIBUTES = 50;
const MAX_VALUES = 100;

const fixedAttributesSchema = z
  .record(attributeNameSchema, z.union([z.string().max(10_000), z.array(z.string().max(10_000)).max(MAX_VALUES)]))
  .refine((values) => Object.keys(values).length <= MAX_FIXED_ATTRIBUTES, { error: `at most ${MAX_FIXED_ATTRIBUTES} fixed attributes` })
  .default({});

export const ldapSettingsSchema = z.object({
  directoryKind: z.enum(["active-directory", "ldap"]).default("active-directory"),
  url: z
    .string()
    .max(500)
    .regex(/^ldaps?:\/\/[A-Za-z0-9.\-[\]:]+\/?$/i, { error: "must be ldap://host[:port] or ldaps://host[:port]" }),
  /** Upgrade an ldap:// connection with StartTLS before binding. */
  startTls: z.boolean().default(false),
  tls: z
    .object({
      /** Off only for test directories with a self-signed certificate. */
      rejectUnauthorized: z.boolean().default(true),
      /** The certificate authority (PEM) that signed the directory's certificate, when not a public one. */
      ca: z.string().max(100_000).optional(),
      /** The name on the directory's certificate, when the URL names it otherwise (by IP address). */
      serverName: z
        .string()
        .max(253)
        .regex(/^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/, { error: "must be a host name such as dc01.example.org" })
        .optional(),
    })
    .default({ rejectUnauthorized: true }),
  bindDn: z.string().min(1).max(1000),
  password: z.string().min(1).max(1000),
  /** Where accounts are searched (and created, unless a container is given). */
  baseDn: distinguishedName,
  /** Default AD: top, person, organizationalPerson, user; other directories: top, person, organizationalPerson, inetOrgPerson. */
  objectClasses: z.array(attributeNameSchema).min(1).max(20).optional(),
  /** The attribute of the first part of the DN (cn=Jane Doe,...). */
  namingAttribute: attributeNameSchema.default("cn"),
  /** Added to every new account (e.g. instanceType and objectCategory on an AD-shaped OpenLDAP). */
  fixedAttributes: fixedAttributesSchema,
  /** Object classes of new groups. Default AD: top, group; others: top, groupOfNames. */
  groupObjectClasses: z.array(attributeNameSchema).min(1).max(20).optional(),
  /** Added to every new group (createPermission), like fixedAttributes for accounts. */
  groupFixedAttributes: fixedAttributesSchema,
  /** Which entries under baseDn are accounts. Default AD: (objectClass=user); others: (objectClass=inetOrgPerson). */
  accountFilter: searchFilter.optional(),
  /** Directories without userAccountControl: the attribute that disables an account. */
  disableAttribute: z
    .object({
      attribute: attributeNameSchema,
      disabledValue: z.string().min(1).max(200),
      /** Written when enabling; without it enabling removes the attribute. */
      enabledValue: z.string().min(1).max(200).optional(),
    })
    .optional(),
  /** Where permissions (groups) are listed and created; default baseDn. */
  groupsBaseDn: distinguishedName.optional(),
  /** Default AD: (objectClass=group); others: (objectClass=groupOfNames). */
  groupFilter: searchFilter.optional(),
  memberAttribute: attributeNameSchema.default("member"),
  /** The stable reference of accounts and groups. Default AD: objectGUID; others: entryUUID. */
  referenceAttribute: attributeNameSchema.optional(),
  /** Attributes read back for accounts; empty: all ordinary attributes (secrets and binary values never). */
  readAttributes: z.array(attributeNameSchema).max(100).default([]),
  timeouts: z
    .object({
      connectMs: z.number().int().min(100).max(60_000).default(10_000),
      operationMs: z.number().int().min(100).max(300_000).default(30_000),
    })
    .default({ connectMs: 10_000, operationMs: 30_000 }),
  /** Entries per page of a paged search (listing accounts and groups). */
  pageSize: z.number().int().min(1).max(1000).default(500),
});

export type LdapSettings = z.output<typeof ldapSettingsSchema>;
export const ldapSecretFields = ["password"] as const;

/** The settings with every directory-specific default decided. */
export interface LdapConfig extends LdapSettings {
  activeDirectory: boolean;
  objectClasses: string[];
  groupObjectClasses: string[];
  accountFilter: string;
  groupFilter: string;
  groupsBaseDn: string;
  referenceAttribute: string;
  /** ldaps:// or StartTLS: the only connections a password may travel over. */
  protectedConnection: boolean;
}

export function resolveLdapSettings(settings: LdapSettings): LdapConfig {
  const activeDirectory = settings.directoryKind === "active-directory";
  return {
    ...settings,
    activeDirectory,
    objectClasses: settings.objectClasses ?? (activeDirectory ? ["top", "person", "organizationalPerson", "user"] : ["top", "person", "organizationalPerson", "inetOrgPerson"]),
    groupObjectClasses: settings.groupObjectClasses ?? (activeDirectory ? ["top", "group"] : ["top", "groupOfNames"]),
    accountFilter: settings.accountFilter ?? (activeDirectory ? "(objectClass=user)" : "(objectClass=inetOrgPerson)"),
    groupFilter: settings.groupFilter ?? (activeDirectory ? "(objectClass=group)" : "(objectClass=groupOfNames)"),
    groupsBaseDn: settings.groupsBaseDn ?? settings.baseDn,
    referenceAttribute: settings.referenceAttribute ?? (activeDirectory ? "objectGUID" : "entryUUID"),
    protectedConnection: settings.url.toLowerCase().startsWith("ldaps://") || settings.startTls,
  };
}
