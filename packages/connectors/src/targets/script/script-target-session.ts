import { secretPlaceholder, type ScriptTargetSandbox, type TargetBusyAnswer, type TargetScriptAction, type TargetScriptResult } from "@idlife/sandbox";
import { ConnectorError } from "../../connector-error.ts";
import type {
  AccountData,
  CreateAccountInput,
  TargetAccount,
  TargetPermission,
  TargetSession,
  TargetWriteResult,
  UpdateAccountInput,
} from "../target-connector.ts";
import { scriptCallError, scriptFailureError, type CallCircumstances } from "./script-target-errors.ts";

/** The new account's password reaches the script only as this placeholder, filled in by the HTTP bridge. */
export const ACCOUNT_PASSWORD_SECRET = "account.password";

/**
 * What the engine may add to an action's context when it has it: the person the account belongs
 * to and the account data stored after the last write (the script's `person` and `previous`).
 */
export interface ScriptContextExtras {
  person?: Record<string, unknown>;
  previous?: AccountData;
}

type WriteAction = "create" | "update" | "enable" | "disable" | "delete" | "grant" | "revoke";

/**
 * One session of a script target system: each call runs the script's function of the same name
 * in the session's sandbox process. A failure the script reports, a throw, a timeout or a crash
 * becomes an error for that call only; the next call starts a new sandbox process if needed.
 */
export class ScriptTargetSession implements TargetSession {
  private refusedWrites: string[] = [];

  constructor(
    private readonly sandbox: ScriptTargetSandbox,
    private readonly mode: "plan" | "apply",
    private readonly timeoutMs: number,
    private readonly signal: AbortSignal | undefined,
  ) {}

  /** The plan-mode bridge reports here each write it refused (the connector passes it on to the engine). */
  noteRefusedWrite(description: string) {
    this.refusedWrites.push(description);
  }

  async testConnection() {
    const result = await this.call("test", {});
    return { message: result.messages.length > 0 ? result.messages.join("; ") : "The script's test() succeeded" };
  }

  async listAccounts(page: { cursor?: string; limit: number }) {
    const result = await this.call("list", { cursor: page.cursor ?? null, limit: page.limit });
    return { accounts: result.accounts.map(toAccount), ...(result.cursor === undefined ? {} : { cursor: result.cursor }) };
  }

  async findAccounts(attribute: string, value: string) {
    return (await this.call("find", { attribute, value })).accounts.map(toAccount);
  }

  async getAccount(reference: string) {
    const { account } = await this.call("get", { reference });
    return account === null ? null : toAccount(account);
  }

  async valueInUse(attribute: string, value: string, exceptReference?: string) {
    const accounts = await this.findAccounts(attribute, value);
    return accounts.some((account) => account.reference !== exceptReference);
  }

  async createAccount(input: CreateAccountInput & ScriptContextExtras) {
    const { password, data, ...rest } = input;
    const context = { ...rest, account: data, password: password === undefined ? null : secretPlaceholder(ACCOUNT_PASSWORD_SECRET) };
    const result = await this.call("create", context, password === undefined ? {} : { [ACCOUNT_PASSWORD_SECRET]: password });
    if (result.reference === undefined && this.mode === "apply") {
      throw new ConnectorError("invalid_result", "create() returned success without a reference: return { success: true, reference: <the new account's id> }");
    }
    // A preview's create wrote nothing, so there is no reference yet.
    const account: TargetAccount = { reference: result.reference ?? "", enabled: input.enabled, data: { ...input.data, ...result.data } };
    return { ...writeResult(result), account };
  }

  async updateAccount(reference: string, input: UpdateAccountInput & ScriptContextExtras) {
    return this.write("update", { ...input, reference, account: input.changes });
  }

  async setAccountEnabled(reference: string, enabled: boolean, extras: ScriptContextExtras = {}) {
    return this.write(enabled ? "enable" : "disable", { ...extras, reference });
  }

  async deleteAccount(reference: string, extras: ScriptContextExtras = {}) {
    return this.write("delete", { ...extras, reference });
  }

  async listPermissions(): Promise<TargetPermission[]> {
    return (await this.call("permissions", {})).permissions.map((permission) => withoutUndefined(permission));
  }

  async accountPermissions(reference: string) {
    return (await this.call("accountPermissions", { reference })).permissions;
  }

  async grantPermission(accountReference: string, permissionReference: string, extras: ScriptContextExtras = {}) {
    return this.write("grant", { ...extras, reference: accountReference, permission: permissionReference });
  }

  async revokePermission(accountReference: string, permissionReference: string, extras: ScriptContextExtras = {}) {
    return this.write("revoke", { ...extras, reference: accountReference, permission: permissionReference });
  }

  async close() {
    this.sandbox.close();
  }

  private async write(action: Exclude<WriteAction, "create">, context: Record<string, unknown>): Promise<TargetWriteResult> {
    return writeResult(await this.call(action, context));
  }

  /** Runs one function of the script; anything but { success: true, ... } becomes the error the engine acts on. */
  private async call<Action extends TargetScriptAction>(action: Action, context: Record<string, unknown>, secrets: Record<string, string> = {}) {
    this.refusedWrites = [];
    const circumstances: CallCircumstances = { action, timeoutMs: this.timeoutMs, busy: undefined, refusedWrites: this.refusedWrites };
    const onBusy = (busy: TargetBusyAnswer) => (circumstances.busy = busy);
    let result;
    try {
      result = await this.sandbox.run(action, context, { secrets, onBusy, ...(this.signal ? { signal: this.signal } : {}) });
    } catch (error) {
      throw scriptCallError(error, circumstances);
    }
    if (!result.success) throw scriptFailureError(result.messages, result.retryAfterMs, circumstances);
    return result as TargetScriptResult<Action> & { success: true };
  }
}

function writeResult(result: { messages: string[]; already?: boolean | undefined }): TargetWriteResult {
  return { outcome: result.already ? "already" : "done", messages: result.messages };
}

function toAccount(account: TargetScriptResult<"list">["accounts"][number]): TargetAccount {
  return withoutUndefined(account);
}

/** The contract's optional fields are absent rather than undefined. */
function withoutUndefined<Value extends object>(value: Value): { [Key in keyof Value]: Exclude<Value[Key], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as { [Key in keyof Value]: Exclude<Value[Key], undefined> };
}
