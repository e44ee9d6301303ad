// Entra ID users as the contract's accounts: what is read back ($select, since Graph returns only a
// few properties by default), how account data becomes a Graph body, and lookups by $filter.
import { isForbiddenKey } from "@idlife/core";
import { ConnectorError } from "../../connector-error.ts";
import type { AccountData, AccountValue, TargetAccount } from "../target-connector.ts";
import type { EntraGraphClient } from "./entra-graph-client.ts";
import { isGuid } from "./entra-id-settings.ts";

/** Read back on every account (accountEnabled and employeeId are not in Graph's default set). */
export const ACCOUNT_PROPERTIES = [
  "id",
  "accountEnabled",
  "userPrincipalName",
  "displayName",
  "mailNickname",
  "mail",
  "givenName",
  "surname",
  "employeeId",
  "employeeType",
  "department",
  "jobTitle",
  "companyName",
  "officeLocation",
  "mobilePhone",
  "usageLocation",
] as const;

/** The account attribute that holds the manager's reference (an account of the same system). */
export const MANAGER_ATTRIBUTE = "manager";

export const accountQuery = { $select: ACCOUNT_PROPERTIES.join(","), $expand: "manager($select=id)" };

export function userPath(reference: string): string {
  if (!isGuid(reference)) throw new ConnectorError("missing_input", `'${reference}' is not an Entra ID object id (a GUID such as 00000000-0000-0000-0000-000000000000).`);
  return `/users/${reference}`;
}

function accountValue(value: unknown): AccountValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) return value;
  return JSON.stringify(value);
}

export function toAccount(user: Record<string, unknown>): TargetAccount {
  const data: AccountData = {};
  for (const property of ACCOUNT_PROPERTIES) if (property !== "id") data[property] = accountValue(user[property]);
  data[MANAGER_ATTRIBUTE] = accountValue((user.manager as { id?: unknown } | undefined)?.id);
  return {
    reference: String(user.id),
    enabled: user.accountEnabled === true,
    displayName: typeof user.displayName === "string" ? user.displayName : undefined,
    data,
  };
}

/** Account data as a Graph body, without the manager (a reference of its own); prototype keys refused. */
export function graphBody(data: AccountData): { body: Record<string, unknown>; manager?: string | null } {
  const body: Record<string, unknown> = Object.create(null);
  let manager: string | null | undefined;
  for (const [name, value] of Object.entries(data)) {
    if (isForbiddenKey(name)) throw new ConnectorError("missing_input", `'${name}' cannot be an Entra ID attribute name.`);
    if (name === MANAGER_ATTRIBUTE) {
      if (value !== null && typeof value !== "string") throw new ConnectorError("missing_input", "The manager attribute must be the manager's Entra ID object id (or empty to remove the manager).");
      manager = value;
    } else if (name === "passwordProfile" || name === "password") {
      throw new ConnectorError("missing_input", "Passwords come from the target system's password policy, not from the field mapping: remove the mapped password attribute.");
    } else {
      body[name] = value;
    }
  }
  return { body, manager };
}

/** Puts the manager reference in place or removes it (a missing manager removed twice is fine). */
export async function setManager(client: EntraGraphClient, reference: string, manager: string | null): Promise<string> {
  if (manager === null) {
    const answer = await client.request("DELETE", `${userPath(reference)}/manager/$ref`, { accept: [404] });
    return answer.status === 404 ? "had no manager" : "manager removed";
  }
  await client.request("PUT", `${userPath(reference)}/manager/$ref`, { body: { "@odata.id": `${client.graphUrl}/directoryObjects/${userPath(manager).slice("/users/".length)}` } });
  return `manager set to ${manager}`;
}

/** Graph's $filter string literal: single quotes doubled (O'Brien -> 'O''Brien'). */
export const filterLiteral = (value: string) => `'${value.replaceAll("'", "''")}'`;

export async function findAccounts(client: EntraGraphClient, attribute: string, value: string): Promise<TargetAccount[]> {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(attribute)) throw new ConnectorError("missing_input", `'${attribute}' is not a Microsoft Graph property name.`);
  const users = await client.all("/users", { ...accountQuery, $filter: `${attribute} eq ${filterLiteral(value)}` }, 10);
  return users.map(toAccount);
}
