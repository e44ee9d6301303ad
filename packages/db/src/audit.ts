import type { TransactionClient, TenantId } from "./tenant-scope.ts";
import { optionalContext, type Actor } from "./request-context.ts";
import { Prisma as PrismaNamespace } from "./generated/client.ts";
import { looksSecretName } from "@idlife/core";
import { auditTargetKey, labelFromValues, resolveAuditTargetLabels } from "./audit-targets.ts";

export interface AuditRecord {
  /** `domain.verb`, e.g. `auth.sign_in`, `api_key.revoke`, `tenant.update`. */
  action: string;
  targetType?: string;
  targetId?: string;
  /**
   * The target's name now, kept for when it is renamed or gone. Left out, it is looked up (source
   * systems, persons, members, API keys, tenants) or read from a `name` in after or before.
   */
  targetLabel?: string | null;
  before?: unknown;
  after?: unknown;
  /** Dot paths into before and after that hold secrets (a connector's declared secret fields). */
  secretPaths?: readonly string[];
  /** Defaults to the tenant of the request context; null for events that belong to no tenant. */
  tenantId?: TenantId | null;
  /** Defaults to the actor of the request context. */
  actor?: Actor;
}

const REDACTED = "[redacted]";

/** Names of values that never go into the audit log: secret-looking names, hashes, a `secrets` map. */
function isSecretKey(key: string): boolean {
  // A list of which secrets are set holds names only; it is worth auditing.
  if (key === "secretsSet") return false;
  return key === "secrets" || looksSecretName(key) || /hash/i.test(key);
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date);

/**
 * Removes values whose key looks secret, at any depth: the audit log must never hold a secret.
 * Under a secret-looking key that holds an object (a `secrets` map), the names stay and every
 * value goes; `auth` objects are walked as usual, since they name their type and user in the
 * clear and their secret leaves are caught by name or by the declared paths.
 */
export function redactSecrets(value: unknown, secretPaths: readonly string[] = []): unknown {
  const redacted = redactValue(value, false);
  for (const path of secretPaths) redactPath(redacted, path.split("."));
  return redacted;
}

function redactValue(value: unknown, hideAll: boolean): unknown {
  if (Array.isArray(value)) return value.map((inner) => redactValue(inner, hideAll));
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, redactEntry(key, inner, hideAll)]));
  }
  if (hideAll && value !== null && value !== undefined) return REDACTED;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  return value;
}

function redactEntry(key: string, value: unknown, hideAll: boolean): unknown {
  if (hideAll || !isSecretKey(key)) return redactValue(value, hideAll);
  if (value === null || value === undefined) return value;
  if (isPlainObject(value)) return redactValue(value, key !== "auth");
  return REDACTED;
}

function redactPath(value: unknown, segments: readonly string[]): void {
  const [head, ...rest] = segments;
  if (head === undefined || !isPlainObject(value) || !Object.hasOwn(value, head)) return;
  if (rest.length > 0) redactPath(value[head], rest);
  else if (value[head] !== null && value[head] !== undefined) value[head] = REDACTED;
}

const toJson = (value: unknown, secretPaths: readonly string[] | undefined) =>
  value === undefined || value === null
    ? PrismaNamespace.DbNull
    : (redactSecrets(value, secretPaths) as PrismaNamespace.InputJsonValue);

/**
 * Appends one entry to the audit log inside the caller's transaction, so the entry exists
 * exactly when the change it describes does.
 */
export async function recordAudit(tx: TransactionClient, record: AuditRecord): Promise<void> {
  await recordAudits(tx, [record]);
}

/**
 * Appends several entries in one statement (a batch of actions finished together), inside the
 * caller's transaction. Entries without a label take it from the targets' names: one query per
 * kind of target for the whole batch, however many entries.
 */
export async function recordAudits(tx: TransactionClient, records: readonly AuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  const context = optionalContext();
  const resolved = records.map((record) => ({ record, tenantId: record.tenantId === undefined ? (context.tenantId ?? null) : record.tenantId }));
  const names = await targetNames(tx, resolved);
  const data = resolved.map(({ record, tenantId }) => {
    const actor = record.actor ?? context.actor ?? { type: "system", id: null, label: "system" };
    const targetLabel = record.targetLabel === undefined ? (names.get(labelKey(tenantId, record)) ?? labelOfValues(record)) : record.targetLabel;
    return {
      tenantId,
      actorType: actor.type,
      actorId: actor.id,
      actorLabel: actor.label,
      action: record.action,
      targetType: record.targetType ?? null,
      targetId: record.targetId ?? null,
      targetLabel: targetLabel?.slice(0, 200) ?? null,
      before: toJson(record.before, record.secretPaths),
      after: toJson(record.after, record.secretPaths),
      ipAddress: context.ipAddress ?? null,
    };
  });
  // createMany: no RETURNING, which row-level security would refuse for rows of no tenant.
  await tx.auditEntry.createMany({ data });
}

const labelKey = (tenantId: string | null, record: AuditRecord) => `${tenantId ?? ""}|${record.targetType ?? ""}:${record.targetId ?? ""}`;

/** The current names of the entries' targets that need one, by tenant. */
async function targetNames(tx: TransactionClient, entries: ReadonlyArray<{ record: AuditRecord; tenantId: string | null }>): Promise<Map<string, string>> {
  const byTenant = new Map<string, Array<{ type: string; id: string }>>();
  for (const { record, tenantId } of entries) {
    if (record.targetLabel !== undefined || !tenantId || !record.targetType || !record.targetId) continue;
    byTenant.set(tenantId, [...(byTenant.get(tenantId) ?? []), { type: record.targetType, id: record.targetId }]);
  }
  const names = new Map<string, string>();
  for (const [tenantId, targets] of byTenant) {
    const labels = await resolveAuditTargetLabels(tx, tenantId, targets);
    for (const target of targets) {
      const label = labels.get(auditTargetKey({ type: target.type, id: target.id.toLowerCase() }));
      if (label) names.set(`${tenantId}|${target.type}:${target.id}`, label);
    }
  }
  return names;
}

// The values are redacted first: a label must never carry what the entry itself may not.
const labelOfValues = (record: AuditRecord) => labelFromValues(redactSecrets(record.after, record.secretPaths), redactSecrets(record.before, record.secretPaths)) ?? null;
