import type { TransactionClient, TenantId } from "./tenant-scope.ts";
import { optionalContext, type Actor } from "./request-context.ts";
import { Prisma as PrismaNamespace } from "./generated/client.ts";

export interface AuditRecord {
  /** `domain.verb`, e.g. `auth.sign_in`, `api_key.revoke`, `tenant.update`. */
  action: string;
  targetType?: string;
  targetId?: string;
  before?: unknown;
  after?: unknown;
  /** Defaults to the tenant of the request context; null for events that belong to no tenant. */
  tenantId?: TenantId | null;
  /** Defaults to the actor of the request context. */
  actor?: Actor;
}

const SECRET_KEY = /(password|secret|token|hash)/i;

/** Removes values whose key looks secret, at any depth: the audit log must never hold a secret. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, SECRET_KEY.test(key) ? "[redacted]" : redactSecrets(inner)]),
    );
  }
  if (typeof value === "bigint") return value.toString();
  return value;
}

const toJson = (value: unknown) =>
  value === undefined || value === null
    ? PrismaNamespace.DbNull
    : (redactSecrets(value) as PrismaNamespace.InputJsonValue);

/**
 * Appends one entry to the audit log inside the caller's transaction, so the entry exists
 * exactly when the change it describes does.
 */
export async function recordAudit(tx: TransactionClient, record: AuditRecord): Promise<void> {
  const context = optionalContext();
  const actor = record.actor ?? context.actor ?? { type: "system", id: null, label: "system" };
  const tenantId = record.tenantId === undefined ? (context.tenantId ?? null) : record.tenantId;
  // createMany: no RETURNING, which row-level security would refuse for rows of no tenant.
  await tx.auditEntry.createMany({
    data: {
      tenantId,
      actorType: actor.type,
      actorId: actor.id,
      actorLabel: actor.label,
      action: record.action,
      targetType: record.targetType ?? null,
      targetId: record.targetId ?? null,
      before: toJson(record.before),
      after: toJson(record.after),
      ipAddress: context.ipAddress ?? null,
    },
  });
}
