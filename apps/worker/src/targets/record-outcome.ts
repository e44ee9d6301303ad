import { recordAudit, PrismaNamespace, type TransactionClient } from "@idlife/db";
import type { ClaimedAction } from "./claim-target-actions.ts";
import type { ActionOutcome, TargetRunContext } from "./target-run-context.ts";

/**
 * Finishes one row: its state, result and error, the platform's records the action changed, and
 * one audit entry, all in one transaction, so the row says succeeded exactly when the account or
 * entitlement exists in the platform and the audit shows it. Only a row still running is finished
 * (a row another runner took over after this one stalled is left to it).
 */
export async function recordOutcome(context: TargetRunContext, action: ClaimedAction, outcome: ActionOutcome): Promise<void> {
  const tenantId = context.db.tenantId;
  await context.db.run(async (tx: TransactionClient) => {
    if (outcome.state === "deferred") {
      await tx.targetAction.updateMany({ where: { tenantId, id: action.id, state: "running" }, data: { state: "planned", runAfter: outcome.runAfter, attempts: { decrement: 1 }, result: { waiting: outcome.reason } } });
      return;
    }
    const { count } = await tx.targetAction.updateMany({
      where: { tenantId, id: action.id, state: "running" },
      data: { state: outcome.state, error: outcome.error ?? null, result: outcome.result as PrismaNamespace.InputJsonValue, finishedAt: new Date() },
    });
    if (count === 0) return;
    await outcome.effects?.(tx);
    await recordAudit(tx, {
      // The run's own tenant, not whatever context the caller has (the job runner sets one, a test does not).
      tenantId: context.db.tenantId,
      action: `target.${outcome.audit.action}`,
      targetType: "person",
      ...(action.personId ? { targetId: action.personId } : {}),
      before: outcome.audit.before ?? null,
      after: { targetSystemId: context.system.id, targetSystem: context.system.name, actionId: action.id, state: outcome.audit.state, message: outcome.audit.message, ...(outcome.audit.after ?? {}) },
    });
  });
}

/** Back to planned after a "busy" answer (not counted as done), or failed when it was the last attempt. */
export async function recordBusy(context: TargetRunContext, action: ClaimedAction, runAfter: Date, finalError: string | null): Promise<void> {
  const tenantId = context.db.tenantId;
  if (finalError) {
    await recordOutcome(context, action, { state: "failed", error: finalError, result: { message: finalError }, audit: { action: action.kind, state: "error", message: finalError } });
    return;
  }
  await context.db.run((tx) => tx.targetAction.updateMany({ where: { tenantId, id: action.id, state: "running" }, data: { state: "planned", runAfter } }));
}

/** Rows claimed but not started (the system said "busy" meanwhile): back to planned, the attempt not counted. */
export async function releaseUnstarted(context: TargetRunContext, actions: readonly ClaimedAction[], runAfter: Date): Promise<void> {
  if (actions.length === 0) return;
  const tenantId = context.db.tenantId;
  await context.db.run((tx) => tx.targetAction.updateMany({ where: { tenantId, id: { in: actions.map((action) => action.id) }, state: "running" }, data: { state: "planned", runAfter, attempts: { decrement: 1 } } }));
}
