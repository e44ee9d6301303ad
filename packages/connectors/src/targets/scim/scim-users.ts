import { ConnectorError } from "../../connector-error.ts";
import type { CreateAccountInput, TargetAccount, TargetWriteResult, UpdateAccountInput } from "../target-connector.ts";
import { fromScimUser, hasTypedEntry, parseScimAttribute, patchOperations, toScimUser, type PatchOperation } from "./scim-account-data.ts";
import { equalityFilter } from "./scim-filter.ts";
import { readListPage, type ScimResource } from "./scim-list.ts";
import type { ScimSettings } from "./scim-settings.ts";
import type { ScimTransport } from "./scim-transport.ts";

export const PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

export const userPath = (reference: string) => `/Users/${encodeURIComponent(reference)}`;

export function toTargetAccount(user: ScimResource): TargetAccount {
  const data = fromScimUser(user);
  const name = data.displayName ?? data.userName;
  return { reference: user.id, enabled: user.active !== false, data, displayName: typeof name === "string" ? name : undefined };
}

function userFrom(body: unknown, described: string): ScimResource {
  if (body === null || typeof body !== "object" || typeof (body as { id?: unknown }).id !== "string") {
    throw new ConnectorError("invalid_json", `${described} did not answer with a SCIM User (no id): check baseUrl`);
  }
  return body as ScimResource;
}

const gone = (reference: string) =>
  new ConnectorError("http_status", `the SCIM account ${reference} no longer exists in the application (404): it was deleted there`, { status: 404 });

/** The Users side of a SCIM session: accounts by id, by filter, and the writes on them. */
export class ScimUsers {
  constructor(
    private readonly transport: ScimTransport,
    private readonly settings: ScimSettings,
  ) {}

  async get(reference: string): Promise<TargetAccount | null> {
    const answer = await this.transport.send("GET", userPath(reference));
    return answer.status === 404 ? null : toTargetAccount(userFrom(answer.body, "GET /Users/{id}"));
  }

  async find(attribute: string, value: string): Promise<TargetAccount[]> {
    const page = await readListPage(this.transport, "/Users", { filter: equalityFilter(attribute, value) }, 1, this.settings.pageSize);
    return page.resources.map(toTargetAccount);
  }

  async valueInUse(attribute: string, value: string, exceptReference?: string): Promise<boolean> {
    // Two ids are enough to know whether anyone but `exceptReference` holds the value.
    const page = await readListPage(this.transport, "/Users", { filter: equalityFilter(attribute, value), attributes: "id" }, 1, 2);
    return page.resources.some((resource) => resource.id !== exceptReference);
  }

  async list(cursor: string | undefined, limit: number): Promise<{ accounts: TargetAccount[]; cursor?: string }> {
    const startIndex = cursor === undefined ? 1 : Number(cursor);
    if (!Number.isSafeInteger(startIndex) || startIndex < 1) throw new ConnectorError("invalid_settings", `"${cursor}" is not a SCIM list position (startIndex)`);
    const count = Math.max(1, Math.min(limit, this.settings.pageSize));
    const page = await readListPage(this.transport, "/Users", {}, startIndex, count);
    return { accounts: page.resources.map(toTargetAccount), cursor: page.next === undefined ? undefined : String(page.next) };
  }

  async create(input: CreateAccountInput): Promise<TargetWriteResult & { account: TargetAccount }> {
    const body = toScimUser(input.data, { enabled: input.enabled, password: input.password });
    const answer = await this.transport.send("POST", "/Users", body);
    if (answer.status === 404) throw new ConnectorError("http_status", "POST /Users answered 404: check baseUrl (the SCIM base, before /Users)", { status: 404 });
    const account = toTargetAccount(userFrom(answer.body, "POST /Users"));
    return { account, outcome: "done", messages: [`created SCIM user ${account.displayName ?? account.reference} (id ${account.reference})`] };
  }

  async update(reference: string, input: UpdateAccountInput): Promise<TargetWriteResult> {
    const keys = Object.keys(input.changes);
    if (keys.length === 0) return { outcome: "already", messages: ["nothing to change"] };
    const existing = await this.typedEntries(reference, keys);
    const operations = patchOperations(input.changes, (parent, type) => existing !== undefined && hasTypedEntry(existing, parent, type));
    const account = await this.patch(reference, operations);
    return { account, outcome: "done", messages: [`updated ${keys.join(", ")}`] };
  }

  async setEnabled(reference: string, enabled: boolean): Promise<TargetWriteResult> {
    const current = await this.get(reference);
    if (current === null) throw gone(reference);
    if (current.enabled === enabled) return { account: current, outcome: "already", messages: [`already ${enabled ? "active" : "inactive"}`] };
    const account = await this.patch(reference, [{ op: "replace", path: "active", value: enabled }]);
    return { account, outcome: "done", messages: [enabled ? "set active" : "set inactive"] };
  }

  async delete(reference: string): Promise<TargetWriteResult> {
    const answer = await this.transport.send("DELETE", userPath(reference));
    return answer.status === 404 ? { outcome: "already", messages: ["already deleted"] } : { outcome: "done", messages: ["deleted"] };
  }

  /** The user's typed multi-valued attributes among the changes (emails, ...), read only when there are any. */
  private async typedEntries(reference: string, keys: string[]): Promise<ScimResource | undefined> {
    const parents = [...new Set(keys.map(parseScimAttribute).flatMap((attribute) => (attribute.kind === "typed-value" ? [attribute.parent] : [])))];
    if (parents.length === 0) return undefined;
    const answer = await this.transport.send("GET", `${userPath(reference)}?attributes=${parents.join(",")}`);
    if (answer.status === 404) throw gone(reference);
    return userFrom(answer.body, "GET /Users/{id}");
  }

  private async patch(reference: string, operations: PatchOperation[]): Promise<TargetAccount | undefined> {
    const answer = await this.transport.send("PATCH", userPath(reference), { schemas: [PATCH_SCHEMA], Operations: operations });
    if (answer.status === 404) throw gone(reference);
    // 204 No Content is a valid answer to PATCH; the account is then not known without another read.
    return answer.body === undefined ? undefined : toTargetAccount(userFrom(answer.body, "PATCH /Users/{id}"));
  }
}
