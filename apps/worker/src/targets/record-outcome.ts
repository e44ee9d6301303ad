import { recordAudits, type TransactionClient } from "@idlife/db";
import { saveAccounts } from "./account-records.ts";
import type { ClaimedAction } from "./claim-target-actions.ts";
import type { ActionOutcome, TargetRunContext } from "./target-run-context.ts";

/** One action's outcome, waiting to be written. */
export interface FinishedAction {
  action: ClaimedAction;
  outcome: ActionOutcome;
  /** The person's name for the audit entry when the run knows it (else it is looked up). */
  personName?: string;
}

/** Finishes one row (see recordOutcomes). */
export async function recordOutcome(context: TargetRunContext, action: ClaimedAction, outcome: ActionOutcome): Promise<void> {
  await recordOutcomes(context, [{ action, outcome }]);
}

/**
 * Finishes rows: each one's state, result and error, the platform's records the action changed,
 * and one audit entry, all in one transaction, so a row says succeeded exactly when the account or
 * entitlement exists in the platform and the audit shows it. Many actions share the transaction
 * and its statements (one update of the rows, one upsert of the accounts, one insert of the audit
 * entries). Only a row still running is finished (one another runner finished meanwhile is left alone).
 */
export async function recordOutcomes(context: TargetRunContext, finished: readonly FinishedAction[]): Promise<void> {
  if (finished.length === 0) return;
  const tenantId = context.db.tenantId;
  await context.db.run(async (tx: TransactionClient) => {
    const done: Array<FinishedAction & { outcome: Exclude<ActionOutcome, { state: "deferred" }> }> = [];
    for (const { action, outcome, personName } of finished) {
      if (outcome.state !== "deferred") done.push({ action, outcome, ...(personName ? { personName } : {}) });
      else {
        await tx.targetAction.updateMany({ where: { tenantId, id: action.id, state: "running" }, data: { state: "planned", runAfter: outcome.runAfter, attempts: { decrement: 1 }, result: { waiting: outcome.reason } } });
      }
    }
    if (done.length === 0) return;
    const updated = await tx.$queryRaw<Array<{ id: string }>>`
      UPDATE target_actions AS action SET state = done.state::"TargetActionState", error = done.error, result = done.result, finished_at = now()
      FROM unnest(${done.map(({ action }) => action.id)}::uuid[], ${done.map(({ outcome }) => outcome.state)}::text[], ${done.map(({ outcome }) => outcome.error ?? null)}::text[],
        ${done.map(({ outcome }) => JSON.stringify(outcome.result))}::jsonb[]) AS done(id, state, error, result)
      WHERE action.id = done.id AND action.tenant_id = ${tenantId}::uuid AND action.state = 'running'
      RETURNING action.id`;
    const finishedHere = new Set(updated.map((row) => row.id));
    const recorded = done.filter(({ action }) => finishedHere.has(action.id));
    await saveAccounts(tx, tenantId, context.system.id, recorded.flatMap(({ outcome }) => (outcome.account ? [outcome.account] : [])));
    for (const { outcome } of recorded) await outcome.effects?.(tx);
    await recordAudits(
      tx,
      recorded.map(({ action, outcome, personName }) => ({
        // The run's own tenant, not whatever context the caller has (the job runner sets one, a test does not).
        tenantId: context.db.tenantId,
        action: `target.${outcome.audit.action}`,
        targetType: "person",
        ...(action.personId ? { targetId: action.personId } : {}),
        ...(personName ? { targetLabel: personName } : {}),
        before: outcome.audit.before ?? null,
        after: { targetSystemId: context.system.id, targetSystem: context.system.name, actionId: action.id, state: outcome.audit.state, message: outcome.audit.message, ...(outcome.audit.after ?? {}) },
      })),
    );
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
