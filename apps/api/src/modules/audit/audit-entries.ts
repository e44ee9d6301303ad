import { auditTargetKey, resolveAuditTargetLabels, type PrismaNamespace, type TransactionClient } from "@idlife/db";
import type { AuditEntry, AuditFilter } from "@idlife/contracts";

type AuditRow = {
  id: string;
  sequence: bigint;
  actorType: AuditEntry["actorType"];
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  targetLabel: string | null;
  before: unknown;
  after: unknown;
  ipAddress: string | null;
  createdAt: Date;
};

/** The filters as a query within one tenant; each given filter narrows, none widens. */
export function auditWhere(tenantId: string, filter: AuditFilter, before?: bigint): PrismaNamespace.AuditEntryWhereInput {
  return {
    tenantId,
    ...(before ? { sequence: { lt: before } } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.actorType ? { actorType: filter.actorType } : {}),
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(filter.targetType ? { targetType: filter.targetType } : {}),
    ...(filter.targetId ? { targetId: filter.targetId } : {}),
    ...(filter.from || filter.to
      ? { createdAt: { ...(filter.from ? { gte: new Date(filter.from) } : {}), ...(filter.to ? { lte: new Date(filter.to) } : {}) } }
      : {}),
  };
}

/**
 * Entries as the API answers them, each target named: its current name (one query per kind of
 * target on the page), else the name stored when the entry was written, else none (the id shows).
 */
export async function toAuditEntries(tx: TransactionClient, tenantId: string, rows: readonly AuditRow[]): Promise<AuditEntry[]> {
  const targets = rows.flatMap((row) => (row.targetType && row.targetId ? [{ type: row.targetType, id: row.targetId }] : []));
  const labels = await resolveAuditTargetLabels(tx, tenantId, targets);
  return rows.map((row) => ({
    id: row.id,
    sequence: row.sequence.toString(),
    actorType: row.actorType,
    actorId: row.actorId,
    actorLabel: row.actorLabel,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    targetLabel: (row.targetType && row.targetId ? labels.get(auditTargetKey({ type: row.targetType, id: row.targetId.toLowerCase() })) : undefined) ?? row.targetLabel,
    before: row.before,
    after: row.after,
    ipAddress: row.ipAddress,
    createdAt: row.createdAt.toISOString(),
  }));
}
