import { randomUUID } from "node:crypto";
import { DEFAULT_TARGET_THRESHOLDS, checkThreshold, type TargetThresholds } from "@idlife/core";
import { recordAudit, type TransactionClient } from "@idlife/db";
import type { JobProducer } from "@idlife/jobs";
import type { TenantScope } from "../tenant-scope.ts";
import { enqueueTargetRun } from "../targets/enqueue-target-run.ts";
import { UseCaseError, notFound } from "../use-case-error.ts";

type ActionKind = "create_account" | "enable_account" | "disable_account" | "delete_account" | "grant_permission" | "revoke_permission";

/** What each planned change becomes in a target system's work table. */
const ACTION_OF: Record<string, ActionKind> = {
  "grant:account": "create_account",
  "grant:access": "enable_account",
  "revoke:access": "disable_account",
  "revoke:account": "delete_account",
  "grant:permission": "grant_permission",
  "revoke:permission": "revoke_permission",
};

export interface EnforceDeps {
  db: TenantScope;
  jobs: JobProducer;
}

type ChangeRow = { id: bigint; personId: string; targetSystemId: string; type: string; action: string; permission: unknown; step: number; reasons: unknown };

/** A system's thresholds: its own limits over the conservative defaults. */
function thresholdsOf(stored: unknown): TargetThresholds {
  const own = (stored ?? {}) as Partial<TargetThresholds>;
  return { windowHours: own.windowHours ?? DEFAULT_TARGET_THRESHOLDS.windowHours, limits: { ...DEFAULT_TARGET_THRESHOLDS.limits, ...(own.limits ?? {}) } };
}

/** How many of an entitlement type a system has granted now: the base of a threshold's percentage. */
async function grantedNow(tx: TransactionClient, tenantId: string, targetSystemId: string, type: string): Promise<number> {
  if (type === "permission") return tx.entitlement.count({ where: { tenantId, targetSystemId } });
  return tx.targetAccount.count({ where: { tenantId, targetSystemId, deletedAt: null, ...(type === "access" ? { enabled: true } : {}) } });
}

/**
 * Checks one evaluation's planned changes against each system's safety thresholds, counting the
 * actions of the same kind already asked within the rolling window, so that a mass revoke spread
 * over small runs trips them too. Crossing a threshold blocks those changes only (with why).
 */
async function blockOverThresholds(tx: TransactionClient, tenantId: string, evaluationId: string): Promise<Array<{ targetSystemId: string; key: string; reason: string }>> {
  const groups = await tx.evaluationChange.groupBy({ by: ["targetSystemId", "action", "type"], where: { tenantId, evaluationId, state: "planned" }, _count: true });
  const systems = new Map((await tx.targetSystem.findMany({ where: { tenantId, id: { in: [...new Set(groups.map((group) => group.targetSystemId))] } }, select: { id: true, thresholds: true } })).map((system) => [system.id, thresholdsOf(system.thresholds)]));
  const blocked: Array<{ targetSystemId: string; key: string; reason: string }> = [];
  for (const group of groups) {
    const key = `${group.action}:${group.type}` as keyof TargetThresholds["limits"];
    const thresholds = systems.get(group.targetSystemId);
    const limit = thresholds?.limits[key];
    if (!thresholds || !limit) continue;
    const since = new Date(Date.now() - thresholds.windowHours * 3_600_000);
    const doneInWindow = await tx.targetAction.count({
      where: { tenantId, targetSystemId: group.targetSystemId, kind: ACTION_OF[key], createdAt: { gte: since }, state: { in: ["planned", "running", "succeeded"] } },
    });
    const verdict = checkThreshold({ key, planned: group._count, doneInWindow, grantedNow: await grantedNow(tx, tenantId, group.targetSystemId, group.type), limit });
    if (!verdict.blocked) continue;
    const reason = `Safety threshold (${thresholds.windowHours} h window): ${verdict.reason}. Approve or discard these changes.`;
    await tx.evaluationChange.updateMany({ where: { tenantId, evaluationId, targetSystemId: group.targetSystemId, action: group.action, type: group.type, state: "planned" }, data: { state: "blocked", blockReason: reason } });
    blocked.push({ targetSystemId: group.targetSystemId, key, reason });
  }
  return blocked;
}

/**
 * Puts changes into their systems' work tables, in the order they must run per person (the
 * runner keeps a person's rows in creation order, creates first and deletes last). A dynamic
 * permission is found by name; a missing one fails that change with the reason (or is created by
 * the runner when the rule allows it).
 */
async function planActions(tx: TransactionClient, tenantId: string, evaluationId: string, changes: ChangeRow[], requestedBy: Record<string, unknown>): Promise<Set<string>> {
  const systems = new Set<string>();
  const base = Date.now();
  const permissions = await tx.targetPermission.findMany({ where: { tenantId, targetSystemId: { in: [...new Set(changes.map((change) => change.targetSystemId))] }, goneAt: null }, select: { id: true, targetSystemId: true, displayName: true, reference: true } });
  const byId = new Map(permissions.map((permission) => [permission.id, permission]));
  const byName = new Map(permissions.map((permission) => [`${permission.targetSystemId}|${permission.displayName.toLowerCase()}`, permission]));
  const actions: Array<Record<string, unknown>> = [];
  const enforced: Array<{ id: bigint; actionId: string }> = [];
  const failed: Array<{ id: bigint; reason: string }> = [];
  const personOrder = new Map<string, number>();
  for (const change of changes) {
    const key = `${change.action}:${change.type}`;
    let payload: Record<string, unknown> = { subject: "account", evaluationId };
    if (change.type === "permission") {
      const wanted = (change.permission ?? {}) as { id?: string; name?: string; create?: boolean };
      const permission = wanted.id ? byId.get(wanted.id) : byName.get(`${change.targetSystemId}|${String(wanted.name).toLowerCase()}`);
      if (permission) payload = { subject: permission.id, permissionId: permission.id, permissionReference: permission.reference, evaluationId };
      else if (wanted.name && wanted.create && change.action === "grant") payload = { subject: `name:${wanted.name.toLowerCase()}`, permissionName: wanted.name, createPermission: true, evaluationId };
      else {
        failed.push({ id: change.id, reason: `The permission '${wanted.name ?? wanted.id}' does not exist in the target system (refresh its permissions, or let the rule create it).` });
        continue;
      }
    }
    const order = personOrder.get(change.personId) ?? personOrder.size;
    personOrder.set(change.personId, order);
    const id = randomUUID();
    actions.push({
      id,
      tenantId,
      targetSystemId: change.targetSystemId,
      personId: change.personId,
      kind: ACTION_OF[key]!,
      payload,
      idempotencyKey: `evaluation:${evaluationId}:${change.id}`,
      // Grants answer for the rules behind them (the entitlement records them); revokes for the evaluation.
      requestedBy: change.action === "grant" ? { kind: "rule", ruleIds: ((change.reasons ?? []) as Array<{ ruleId: string }>).map((reason) => reason.ruleId), evaluationId } : requestedBy,
      // A person's rows stay together and in step order (account, access, grants, revokes, delete).
      createdAt: new Date(base + order * 8 + change.step),
    });
    enforced.push({ id: change.id, actionId: id });
    systems.add(change.targetSystemId);
  }
  if (actions.length > 0) await tx.targetAction.createMany({ data: actions as never, skipDuplicates: true });
  // The batch's outcomes in one statement each (not one update per change).
  const outcomes = [
    ...enforced.map(({ id, actionId }) => ({ id: String(id), state: "enforced", action_id: actionId, block_reason: null })),
    ...failed.map(({ id, reason }) => ({ id: String(id), state: "failed", action_id: null, block_reason: reason })),
  ];
  if (outcomes.length > 0) {
    await tx.$executeRaw`
      UPDATE evaluation_changes AS change SET state = outcome.state, action_id = outcome.action_id, block_reason = outcome.block_reason
      FROM jsonb_to_recordset(${JSON.stringify(outcomes)}::jsonb) AS outcome(id bigint, state text, action_id uuid, block_reason text)
      WHERE change.id = outcome.id AND change.tenant_id = ${tenantId}::uuid`;
  }
  return systems;
}

const BATCH = 1_000;

async function planUpdates(tx: TransactionClient, tenantId: string, evaluationId: string, requestedBy: Record<string, unknown>): Promise<Set<string>> {
  const evaluation = await tx.evaluation.findFirstOrThrow({ where: { id: evaluationId, tenantId } });
  if (evaluation.everyone || evaluation.personIds.length === 0) return new Set();
  const [accounts, exclusions, holds] = await Promise.all([
    tx.targetAccount.findMany({ where: { tenantId, personId: { in: evaluation.personIds }, deletedAt: null, reference: { not: null } }, select: { personId: true, targetSystemId: true } }),
    tx.personExclusion.findMany({ where: { tenantId, personId: { in: evaluation.personIds } }, select: { personId: true } }),
    tx.personHold.findMany({ where: { tenantId, personId: { in: evaluation.personIds }, liftedAt: null }, select: { personId: true } }),
  ]);
  const excludedPersons = await tx.person.findMany({ where: { tenantId, id: { in: evaluation.personIds }, OR: [{ excluded: true }, { pendingMerge: true }] }, select: { id: true } });
  const leftAlone = new Set([...exclusions, ...holds].map((row) => row.personId).concat(excludedPersons.map((row) => row.id)));
  const deleting = new Set((await tx.evaluationChange.findMany({ where: { tenantId, evaluationId, type: "account", action: "revoke" }, select: { personId: true, targetSystemId: true } })).map((row) => `${row.personId}|${row.targetSystemId}`));
  const rows = accounts
    .filter((account) => !leftAlone.has(account.personId) && !deleting.has(`${account.personId}|${account.targetSystemId}`))
    .map((account) => ({
      tenantId,
      targetSystemId: account.targetSystemId,
      personId: account.personId,
      kind: "update_account" as const,
      payload: { subject: "account", evaluationId },
      idempotencyKey: `evaluation:${evaluationId}:update:${account.personId}:${account.targetSystemId}`,
      requestedBy: requestedBy as object,
      // After the person's grants (steps 0-2), before the revokes.
      createdAt: new Date(Date.now() + 2),
    }));
  if (rows.length > 0) await tx.targetAction.createMany({ data: rows, skipDuplicates: true });
  return new Set(rows.map((row) => row.targetSystemId));
}

/**
 * Enforces a completed evaluation of the published rules: changes over a safety threshold are
 * blocked (the rest proceed), the others become target actions, and each system's runner is asked
 * to run. A simulation can never be enforced.
 */
export async function enforceEvaluation(deps: EnforceDeps, input: { evaluationId: string; requestedBy?: Record<string, unknown> }) {
  const { db } = deps;
  const { tenantId } = db;
  const requestedBy = input.requestedBy ?? { kind: "system" };
  const blocked = await db.run(async (tx) => {
    const evaluation = await tx.evaluation.findFirst({ where: { id: input.evaluationId, tenantId } });
    if (!evaluation) throw notFound("Evaluation");
    if (evaluation.mode !== "published") throw new UseCaseError(409, "simulation_not_enforceable", "A simulation shows what drafts would do; it is never enforced. Publish the rules, then evaluate and enforce.");
    if (evaluation.status !== "completed") throw new UseCaseError(409, "evaluation_not_completed", "The evaluation has not completed; enforce it once it has.");
    return blockOverThresholds(tx, tenantId, evaluation.id);
  });
  const systems = new Set<string>();
  let enforced = 0;
  for (;;) {
    const changes = await db.run((tx) => tx.evaluationChange.findMany({ where: { tenantId, evaluationId: input.evaluationId, state: "planned" }, orderBy: [{ personId: "asc" }, { step: "asc" }], take: BATCH }));
    if (changes.length === 0) break;
    for (const system of await db.run((tx) => planActions(tx, tenantId, input.evaluationId, changes, requestedBy))) systems.add(system);
    enforced += changes.length;
  }
  // A change-driven evaluation (a push, an import's changed persons, the daily tick) also brings
  // the evaluated persons' accounts up to date: the runner sends only what differs (a new OU, a
  // new name), after the same person's grants and before the revokes.
  for (const system of await db.run((tx) => planUpdates(tx, tenantId, input.evaluationId, requestedBy))) systems.add(system);
  for (const system of systems) await enqueueTargetRun(deps.jobs, tenantId, system);
  await db.run((tx) => recordAudit(tx, { tenantId, action: "evaluation.enforce", targetType: "evaluation", targetId: input.evaluationId, targetLabel: "evaluation", after: { enforced, blocked } }));
  return { enforced, blocked };
}

/**
 * An administrator's decision on changes a threshold blocked: approve puts them into the work
 * tables once (the threshold is not asked again for them), discard drops them.
 */
export async function decideBlockedChanges(deps: EnforceDeps, input: { evaluationId: string; decision: "approve" | "discard"; targetSystemId?: string; requestedBy?: Record<string, unknown> }) {
  const { db } = deps;
  const { tenantId } = db;
  const where = { tenantId, evaluationId: input.evaluationId, state: "blocked", ...(input.targetSystemId ? { targetSystemId: input.targetSystemId } : {}) };
  const count = await db.run(async (tx) => {
    if (!(await tx.evaluation.findFirst({ where: { id: input.evaluationId, tenantId }, select: { id: true } }))) throw notFound("Evaluation");
    const count = await tx.evaluationChange.count({ where });
    if (input.decision === "discard") await tx.evaluationChange.updateMany({ where, data: { state: "discarded" } });
    else await tx.evaluationChange.updateMany({ where, data: { state: "approved" } });
    await recordAudit(tx, { tenantId, action: `evaluation.${input.decision}_blocked`, targetType: "evaluation", targetId: input.evaluationId, targetLabel: "evaluation", after: { count, targetSystemId: input.targetSystemId ?? null } });
    return count;
  });
  if (input.decision === "approve") {
    const systems = new Set<string>();
    for (;;) {
      const changes = await db.run((tx) => tx.evaluationChange.findMany({ where: { tenantId, evaluationId: input.evaluationId, state: "approved" }, orderBy: [{ personId: "asc" }, { step: "asc" }], take: BATCH }));
      if (changes.length === 0) break;
      for (const system of await db.run((tx) => planActions(tx, tenantId, input.evaluationId, changes, input.requestedBy ?? { kind: "system" }))) systems.add(system);
    }
    for (const system of systems) await enqueueTargetRun(deps.jobs, tenantId, system);
  }
  return { decided: count, decision: input.decision };
}
