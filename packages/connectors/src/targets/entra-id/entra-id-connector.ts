import { ConnectorError } from "../../connector-error.ts";
import { defineTargetConnector } from "../target-connector.ts";
import { EntraGraphClient } from "./entra-graph-client.ts";
import { MANAGER_ATTRIBUTE } from "./entra-id-accounts.ts";
import { entraIdSession } from "./entra-id-session.ts";
import { defaultTokenUrl, entraIdSettingsSchema } from "./entra-id-settings.ts";
import { planSafeFetch } from "./entra-id-transport.ts";

/** Microsoft Entra ID (Azure AD) users, group memberships and licences through Microsoft Graph. */
export const entraIdConnector = defineTargetConnector({
  type: "entra-id",
  label: "Microsoft Entra ID",
  description: "Users, group memberships, licences and managers in Microsoft Entra ID (Microsoft 365) through Microsoft Graph, signed in as an app registration.",
  settingsSchema: entraIdSettingsSchema,
  secretFields: ["clientSecret"],
  secretNames: "declared",
  capabilities: { enableDisable: true, permissions: true, createPermissions: true, containers: false, passwords: true, script: false, listAccounts: true },
  accountAttributes: [
    { name: "userPrincipalName", description: "Sign-in name, alias@verified-domain; unique in the tenant", required: true },
    { name: "displayName", description: "Name shown in address lists", required: true },
    { name: "mailNickname", description: "Mail alias (derived from the userPrincipalName when not mapped)" },
    { name: "givenName", description: "First name" },
    { name: "surname", description: "Last name" },
    { name: "mail", description: "Primary e-mail address" },
    { name: "employeeId", description: "Employee number (correlation)" },
    { name: "employeeType", description: "Kind of worker (Employee, Contractor, ...)" },
    { name: "department", description: "Department" },
    { name: "jobTitle", description: "Job title" },
    { name: "companyName", description: "Company name" },
    { name: "officeLocation", description: "Office" },
    { name: "mobilePhone", description: "Mobile phone number" },
    { name: "usageLocation", description: "Two-letter country code; needed for licences" },
    { name: MANAGER_ATTRIBUTE, description: "The manager's account reference in this system (Entra object id)" },
  ],
  defaultCorrelationAttribute: "employeeId",
  async open(input) {
    const parsed = entraIdSettingsSchema.safeParse(input.settings);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ConnectorError("invalid_settings", `Entra ID setting '${issue.path.join(".") || "(settings)"}' ${issue.message}`);
    }
    const settings = parsed.data;
    const clientSecret = input.secrets.clientSecret ?? settings.clientSecret;
    if (!clientSecret) throw new ConnectorError("invalid_settings", "Entra ID needs the app registration's client secret (its value, not its id).");
    const graphUrl = settings.graphUrl.replace(/\/+$/, "");
    const tokenUrl = settings.tokenUrl ?? defaultTokenUrl(settings.tenantId);
    const fetch = planSafeFetch({ mode: input.mode, fetch: input.fetch ?? globalThis.fetch, tokenUrl, graphUrl, onRefusedWrite: input.onRefusedWrite });
    const client = new EntraGraphClient({ ...settings, graphUrl, tokenUrl }, clientSecret, fetch, input.signal);
    return entraIdSession(client, settings);
  },
});
