// One session against one Entra ID tenant: the contract's account and permission operations over
// Microsoft Graph. Writes go through the transport, so a plan-mode session cannot write.
import { ConnectorError } from "../../connector-error.ts";
import type { CreateAccountInput, TargetAccount, TargetSession, TargetWriteResult, UpdateAccountInput } from "../target-connector.ts";
import { accountQuery, findAccounts, graphBody, setManager, toAccount, userPath } from "./entra-id-accounts.ts";
import { accountPermissions, createGroupPermission, grantPermission, listPermissions, revokePermission } from "./entra-id-permissions.ts";
import type { EntraIdSettings } from "./entra-id-settings.ts";
import type { EntraGraphClient } from "./entra-graph-client.ts";

/** Graph's mailNickname characters; a nickname derived from the userPrincipalName keeps only these. */
const NICKNAME_UNSAFE = /[^A-Za-z0-9!#$%&'*+\-/=?^_`{|}~.]/g;

export function entraIdSession(client: EntraGraphClient, settings: EntraIdSettings): TargetSession {
  const getAccount = async (reference: string): Promise<TargetAccount | null> => {
    const answer = await client.request("GET", userPath(reference), { query: accountQuery, accept: [404] });
    return answer.status === 404 ? null : toAccount(answer.json);
  };

  const createAccount = async (input: CreateAccountInput): Promise<TargetWriteResult & { account: TargetAccount }> => {
    if (!input.password) throw new ConnectorError("missing_input", "Entra ID needs a password for a new account: give this target system a password policy.");
    const { body, manager } = graphBody(input.data);
    const principal = typeof body.userPrincipalName === "string" ? body.userPrincipalName : "";
    // Graph requires mailNickname; most mappings only think of the userPrincipalName.
    if (body.mailNickname === undefined && principal) body.mailNickname = principal.split("@")[0]!.replace(NICKNAME_UNSAFE, "").slice(0, 64);
    if (body.usageLocation === undefined && settings.usageLocation) body.usageLocation = settings.usageLocation;
    body.accountEnabled = input.enabled;
    body.passwordProfile = { password: input.password, forceChangePasswordNextSignIn: settings.forceChangePasswordNextSignIn };
    const created = await client.request("POST", "/users", { body });
    const reference = String(created.json.id);
    const messages = [`created ${principal || reference}`];
    if (manager) {
      // The account exists now; a manager that cannot be set is a warning, not a failed create.
      try {
        messages.push(await setManager(client, reference, manager));
      } catch (error) {
        messages.push(`warning: the manager could not be set: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const { passwordProfile: _password, ...written } = body;
    const account = toAccount({ ...written, ...created.json, id: reference, accountEnabled: input.enabled, manager: manager ? { id: manager } : undefined });
    return { outcome: "done", account, messages };
  };

  const updateAccount = async (reference: string, input: UpdateAccountInput): Promise<TargetWriteResult> => {
    const { body, manager } = graphBody(input.changes);
    const messages: string[] = [];
    const names = Object.keys(body);
    if (names.length > 0) {
      await client.request("PATCH", userPath(reference), { body });
      messages.push(`updated ${names.join(", ")}`);
    }
    if (manager !== undefined) messages.push(await setManager(client, reference, manager));
    return messages.length > 0 ? { outcome: "done", messages } : { outcome: "already", messages: ["nothing to change"] };
  };

  const setAccountEnabled = async (reference: string, enabled: boolean): Promise<TargetWriteResult> => {
    const current = await client.request("GET", userPath(reference), { query: { $select: "id,accountEnabled" } });
    const word = enabled ? "enabled" : "disabled";
    if (current.json.accountEnabled === enabled) return { outcome: "already", messages: [`account was already ${word}`] };
    await client.request("PATCH", userPath(reference), { body: { accountEnabled: enabled } });
    return { outcome: "done", messages: [`account ${word}`] };
  };

  return {
    async testConnection() {
      await client.request("GET", "/users", { query: { $top: "1", $select: "id" } });
      return { message: `Signed in to Microsoft Entra tenant ${settings.tenantId} and read its users through Microsoft Graph.` };
    },
    async listAccounts({ cursor, limit }) {
      const top = String(Math.min(Math.max(1, limit), 999));
      const answer = cursor ? await client.request("GET", cursor) : await client.request("GET", "/users", { query: { ...accountQuery, $top: top } });
      const users = (answer.json.value as Record<string, unknown>[] | undefined) ?? [];
      return { accounts: users.map(toAccount), cursor: answer.json["@odata.nextLink"] as string | undefined };
    },
    findAccounts: (attribute, value) => findAccounts(client, attribute, value),
    getAccount,
    async valueInUse(attribute, value, exceptReference) {
      const holders = await findAccounts(client, attribute, value);
      return holders.some((account) => account.reference !== exceptReference);
    },
    createAccount,
    updateAccount,
    setAccountEnabled,
    async deleteAccount(reference) {
      const answer = await client.request("DELETE", userPath(reference), { accept: [404] });
      return answer.status === 404 ? { outcome: "already", messages: ["the account was already gone"] } : { outcome: "done", messages: ["account deleted"] };
    },
    listPermissions: () => listPermissions(client, settings),
    accountPermissions: (reference) => accountPermissions(client, settings, reference),
    grantPermission: (account, permission) => grantPermission(client, settings, account, permission),
    revokePermission: (account, permission) => revokePermission(client, account, permission),
    createPermission: (name, kind) => createGroupPermission(client, name, kind),
    async close() {},
  };
}
