import { mergeSecrets } from "../../secret-fields.ts";
import { parseSettings } from "../../settings-validation.ts";
import { defineTargetConnector, type TargetSession } from "../target-connector.ts";
import { ENTERPRISE_USER_SCHEMA } from "./scim-account-data.ts";
import { ScimGroups } from "./scim-groups.ts";
import { scimSecretFields, scimSettingsSchema } from "./scim-settings.ts";
import { ScimTransport } from "./scim-transport.ts";
import { ScimUsers } from "./scim-users.ts";

const LABEL = "SCIM 2.0";

/** A SaaS application's SCIM 2.0 interface (RFC 7643/7644): Users as accounts, Groups as permissions. */
export const scimConnector = defineTargetConnector({
  type: "scim",
  label: LABEL,
  description: "Accounts and group memberships in an application with a SCIM 2.0 interface (Users and Groups), with a bearer token or basic authentication.",
  settingsSchema: scimSettingsSchema,
  secretFields: scimSecretFields,
  secretNames: "declared",
  capabilities: {
    enableDisable: true,
    permissions: true,
    createPermissions: true,
    containers: false,
    passwords: true,
    script: false,
    listAccounts: true,
  },
  accountAttributes: [
    { name: "userName", description: "Unique sign-in name (core User schema); required by every SCIM service", required: true },
    { name: "externalId", description: "The platform's own identifier for the person, kept by the service for lookups" },
    { name: "displayName", description: "Name shown in the application" },
    { name: "name.givenName", description: "Given name (written as { name: { givenName } })" },
    { name: "name.familyName", description: "Family name (written as { name: { familyName } })" },
    { name: "name.formatted", description: "Full name as one text" },
    { name: "emails.work", description: 'Work e-mail address: the value of the emails entry of type "work" (other entries are left alone); plain "emails" means the same' },
    { name: "emails.home", description: 'Home e-mail address (entry of type "home"); any type works the same way' },
    { name: "phoneNumbers.work", description: 'Work phone number (phoneNumbers entry of type "work"); phoneNumbers.mobile for a mobile number' },
    { name: "title", description: "Job title" },
    { name: "preferredLanguage", description: "Preferred language, e.g. nl-NL" },
    { name: "active", description: "Whether the account may sign in (set through enable and disable)" },
    { name: `${ENTERPRISE_USER_SCHEMA}:employeeNumber`, description: "Employee number (enterprise extension); any urn:...:attribute path of a schema extension works the same way" },
    { name: `${ENTERPRISE_USER_SCHEMA}:department`, description: "Department (enterprise extension)" },
  ],
  defaultCorrelationAttribute: "externalId",
  async open(input): Promise<TargetSession> {
    const merged = mergeSecrets(input.settings, input.secrets, scimSecretFields);
    const settings = parseSettings(scimSettingsSchema, merged, LABEL);
    const transport = new ScimTransport(settings, input);
    const users = new ScimUsers(transport, settings);
    const groups = new ScimGroups(transport, settings);
    return {
      async testConnection() {
        // A list of one id proves the URL, the credentials and the right to read Users in one request.
        await users.list(undefined, 1);
        return { message: `connected to ${settings.baseUrl}: the credentials may read Users` };
      },
      listAccounts: (page) => users.list(page.cursor, page.limit),
      findAccounts: (attribute, value) => users.find(attribute, value),
      getAccount: (reference) => users.get(reference),
      valueInUse: (attribute, value, exceptReference) => users.valueInUse(attribute, value, exceptReference),
      createAccount: (create) => users.create(create),
      updateAccount: (reference, update) => users.update(reference, update),
      setAccountEnabled: (reference, enabled) => users.setEnabled(reference, enabled),
      deleteAccount: (reference) => users.delete(reference),
      listPermissions: () => groups.list(),
      accountPermissions: (reference) => groups.ofAccount(reference),
      grantPermission: (account, permission) => groups.grant(account, permission),
      revokePermission: (account, permission) => groups.revoke(account, permission),
      createPermission: (name, kind) => groups.create(name, kind),
      // Every request is its own HTTP exchange: nothing stays open.
      close: async () => undefined,
    };
  },
});
