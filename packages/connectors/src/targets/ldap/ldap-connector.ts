import { mergeSecrets } from "../../secret-fields.ts";
import { parseSettings } from "../../settings-validation.ts";
import { defineTargetConnector, type TargetOpenInput, type TargetSession } from "../target-connector.ts";
import { AccountPager, findAccounts, valueInUse, valuesMaybeInUse } from "./ldap-account-reads.ts";
import { createAccount, deleteAccount, setAccountEnabled, updateAccount } from "./ldap-account-writes.ts";
import { attempt, findEntryByReference, toTargetAccount, type LdapContext } from "./ldap-entries.ts";
import { accountPermissions, changeMembership, createPermission, listPermissions, permissionMembers } from "./ldap-permissions.ts";
import { ldapSecretFields, ldapSettingsSchema, resolveLdapSettings } from "./ldap-settings.ts";
import { boundDirectory } from "./ldap-connection.ts";
import { connectLdap, planModeDirectory } from "./ldap-transport.ts";

const LABEL = "Active Directory / LDAP";

async function openLdapSession(input: TargetOpenInput): Promise<TargetSession> {
  const settings = parseSettings(ldapSettingsSchema, mergeSecrets(input.settings, input.secrets, ldapSecretFields), LABEL);
  const config = resolveLdapSettings(settings);
  const connection = boundDirectory(config, await connectLdap(config));
  // A cancelled batch closes the connection: pending operations fail instead of running on.
  input.signal?.addEventListener("abort", () => void connection.unbind().catch(() => undefined), { once: true });
  const directory = input.mode === "plan" ? planModeDirectory(connection, input.onRefusedWrite) : connection;
  const context: LdapContext = { config, directory };
  const pager = new AccountPager(context);
  return {
    async testConnection() {
      await attempt(context, `reading the base DN ${config.baseDn}`, () => directory.search(config.baseDn, { scope: "base", filter: "(objectClass=*)", attributes: ["1.1"] }));
      return { message: `bound to ${config.url} as ${config.bindDn}; ${config.baseDn} is readable` };
    },
    listAccounts: (page) => pager.page(page),
    findAccounts: (attribute, value) => findAccounts(context, attribute, value),
    async getAccount(reference) {
      const entry = await findEntryByReference(context, reference);
      return entry ? toTargetAccount(config, entry) : null;
    },
    valueInUse: (attribute, value, exceptReference) => valueInUse(context, attribute, value, exceptReference),
    valuesMaybeInUse: (attribute, values) => valuesMaybeInUse(context, attribute, values),
    createAccount: (create) => createAccount(context, create),
    updateAccount: (reference, update) => updateAccount(context, reference, update),
    setAccountEnabled: (reference, enabled) => setAccountEnabled(context, reference, enabled),
    deleteAccount: (reference) => deleteAccount(context, reference),
    listPermissions: () => listPermissions(context),
    accountPermissions: (reference) => accountPermissions(context, reference),
    grantPermission: (account, permission) => changeMembership(context, account, permission, true),
    revokePermission: (account, permission) => changeMembership(context, account, permission, false),
    createPermission: (name, kind) => createPermission(context, name, kind),
    permissionMembers: (reference) => permissionMembers(context, reference),
    async close() {
      await pager.close();
      // Unbind always: ldapts keeps the socket (and so the process) alive otherwise.
      await connection.unbind().catch(() => undefined);
    },
  };
}

export const ldapConnector = defineTargetConnector({
  type: "ldap",
  label: LABEL,
  description:
    "Accounts and group memberships in Active Directory (userAccountControl, unicodePwd over LDAPS or StartTLS, " +
    "objectGUID references, ranged reads of large groups) or any LDAP directory (entryUUID references, a configurable disable attribute).",
  settingsSchema: ldapSettingsSchema,
  secretFields: ldapSecretFields,
  secretNames: "declared",
  capabilities: { enableDisable: true, permissions: true, createPermissions: true, containers: true, passwords: true, script: false, listAccounts: true },
  accountAttributes: [
    { name: "cn", description: "Common name: names the entry (CN=...,OU=...)", required: true },
    { name: "sAMAccountName", description: "Pre-Windows 2000 logon name (AD, unique, at most 20 characters)" },
    { name: "userPrincipalName", description: "Sign-in name user@domain (AD, unique)" },
    { name: "givenName", description: "First name" },
    { name: "sn", description: "Last name" },
    { name: "displayName", description: "Name shown in address books" },
    { name: "mail", description: "E-mail address" },
    { name: "employeeID", description: "Employee number (AD); a common correlation attribute" },
    { name: "employeeNumber", description: "Employee number (inetOrgPerson)" },
    { name: "uid", description: "User id (LDAP directories)" },
    { name: "title", description: "Job title" },
    { name: "department", description: "Department" },
    { name: "company", description: "Company" },
    { name: "telephoneNumber", description: "Telephone number" },
    { name: "description", description: "Description" },
  ],
  defaultCorrelationAttribute: "employeeID",
  open: openLdapSession,
});
