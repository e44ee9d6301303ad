import { z } from "zod";
import { SandboxError } from "../sandbox-error.ts";

/** The functions a target script may define, one per action the engine asks of a target system. */
export const targetScriptActions = [
  "create",
  "update",
  "enable",
  "disable",
  "delete",
  "grant",
  "revoke",
  "get",
  "find",
  "list",
  "permissions",
  "accountPermissions",
  "test",
] as const;
export type TargetScriptAction = (typeof targetScriptActions)[number];

const MAX_MESSAGES = 100;
const MAX_MESSAGE_LENGTH = 2000;
const MAX_LISTED = 10_000;
const MAX_RETRY_AFTER_MS = 24 * 60 * 60_000;
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

const attributeName = z
  .string()
  .min(1)
  .max(200)
  .refine((name) => !FORBIDDEN_KEYS.has(name), { error: "'__proto__', 'constructor' and 'prototype' cannot be attribute names" });
const accountValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);
const accountData = z.record(attributeName, accountValue);
const reference = z.string().min(1).max(1000);

const account = z.object({
  reference,
  enabled: z.boolean(),
  data: accountData.default({}),
  displayName: z.string().max(500).optional(),
  location: z.string().max(2000).optional(),
  container: z.string().max(2000).optional(),
});

const permission = z.object({
  reference,
  displayName: z.string().max(500),
  kind: z.string().max(100).default("group"),
  description: z.string().max(2000).optional(),
});

/** What every function returns: success, and for the audit entry its own messages. */
const outcome = z.object({
  success: z.boolean({ error: "success must be true or false" }),
  messages: z.array(z.string().max(MAX_MESSAGE_LENGTH)).max(MAX_MESSAGES).default([]),
  /** With success false: the target asked to be left alone (429, 503); the engine retries after this long. */
  retryAfterMs: z.number().int().min(0).max(MAX_RETRY_AFTER_MS).optional(),
});

const write = outcome.extend({
  reference: reference.optional(),
  data: accountData.optional(),
  /** The target was already in the requested state (granted twice, ...). */
  already: z.boolean().optional(),
});
const accounts = outcome.extend({ accounts: z.array(account).max(MAX_LISTED), cursor: z.string().max(2000).optional() });

const resultSchemas = {
  create: write,
  update: write,
  enable: write,
  disable: write,
  delete: write,
  grant: write,
  revoke: write,
  get: outcome.extend({ account: account.nullable() }),
  find: accounts,
  list: accounts,
  permissions: outcome.extend({ permissions: z.array(permission).max(MAX_LISTED * 10) }),
  accountPermissions: outcome.extend({ permissions: z.array(reference).max(MAX_LISTED * 10) }),
  test: outcome,
} satisfies Record<TargetScriptAction, z.ZodType>;

export type TargetScriptOutcome = z.output<typeof outcome>;
export type TargetScriptResult<Action extends TargetScriptAction> = z.output<(typeof resultSchemas)[Action]>;

/** What a failed action returned: the engine records its messages (or retries, with retryAfterMs). */
export type TargetScriptReturn<Action extends TargetScriptAction> =
  | ({ success: true } & TargetScriptResult<Action>)
  | ({ success: false } & TargetScriptOutcome);

/**
 * Checks what an action function returned. A failure needs only `success: false` (and messages);
 * a success must carry what the action promises (`accounts` for find and list, `account` for get).
 */
export function validateTargetScriptResult<Action extends TargetScriptAction>(action: Action, returned: { result?: unknown }): TargetScriptReturn<Action> {
  const expected = `${action}() must return { success: true|false, ... }`;
  if (!("result" in returned)) throw invalid(`${expected}; it returned nothing`);
  const result = returned.result;
  if (typeof result !== "object" || result === null || Array.isArray(result)) throw invalid(`${expected}; it returned ${describe(result)}`);
  const first = outcome.safeParse(result);
  if (first.success && !first.data.success) return first.data as TargetScriptReturn<Action>;
  const parsed = first.success ? resultSchemas[action].safeParse(result) : first;
  if (parsed.success) return parsed.data as TargetScriptReturn<Action>;
  const problems = parsed.error.issues.slice(0, 3).map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  const more = parsed.error.issues.length > 3 ? ` (and ${parsed.error.issues.length - 3} more)` : "";
  throw invalid(`${action}() returned something malformed: ${problems.join("; ")}${more}`);
}

function invalid(message: string): SandboxError {
  return new SandboxError("invalid-result", message);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `a list of ${value.length} items`;
  if (typeof value === "string") return `the text "${value.slice(0, 50)}"`;
  return `${typeof value} ${String(value)}`;
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "the result";
  return path.map((part, index) => (typeof part === "number" ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`)).join("");
}
