import { recordAudit } from "@idlife/db";
import type { JobProducer } from "@idlife/jobs";
import type { TenantScope } from "../tenant-scope.ts";
import { enqueueTargetRun } from "../targets/enqueue-target-run.ts";
import { UseCaseError, notFound } from "../use-case-error.ts";
import { startEvaluation } from "./start-evaluation.ts";

interface HoldDeps {
  db: TenantScope;
  jobs: JobProducer;
  actorId?: string | null;
}

/**
 * "Revoke now" (the person must leave today): every enabled account of the person is disabled at
 * once, in every target, without waiting for an evaluation or a threshold; the person is held out
 * of re-grants (evaluations revoke and grant nothing for them) until the hold is lifted.
 */
export async function revokeNow(deps: HoldDeps, input: { personId: string; reason: string }) {
  const { db } = deps;
  const { tenantId } = db;
  const reason = input.reason.trim();
  if (reason.length < 3 || reason.length > 500) throw new UseCaseError(400, "reason_required", "Say why access is revoked (3 to 500 characters): it goes into the audit log.");
  const systems = await db.run(async (tx) => {
    const person = await tx.person.findFirst({ where: { id: input.personId, tenantId }, select: { id: true, displayName: true } });
    if (!person) throw notFound("Person");
    const existing = await tx.personHold.findFirst({ where: { tenantId, personId: person.id, liftedAt: null } });
    const hold = existing ?? (await tx.personHold.create({ data: { tenantId, personId: person.id, reason, createdBy: deps.actorId ?? null } }));
    const accounts = await tx.targetAccount.findMany({ where: { tenantId, personId: person.id, deletedAt: null, enabled: true, reference: { not: null } }, select: { targetSystemId: true } });
    if (accounts.length > 0) {
      await tx.targetAction.createMany({
        data: accounts.map((account) => ({
          tenantId,
          targetSystemId: account.targetSystemId,
          personId: person.id,
          kind: "disable_account" as const,
          payload: { subject: "account", holdId: hold.id },
          idempotencyKey: `hold:${hold.id}:${account.targetSystemId}`,
          requestedBy: { kind: "hold", holdId: hold.id },
        })),
        skipDuplicates: true,
      });
    }
    await recordAudit(tx, { tenantId, action: "person.revoke_now", targetType: "person", targetId: person.id, targetLabel: person.displayName, after: { reason, accounts: accounts.length } });
    return accounts.map((account) => account.targetSystemId);
  });
  for (const system of new Set(systems)) await enqueueTargetRun(deps.jobs, tenantId, system);
  return { held: true, accountsDisabled: systems.length };
}

/** Lifts a "revoke now" hold; the person is evaluated and enforced again (access comes back if the rules grant it). */
export async function liftHold(deps: HoldDeps, input: { personId: string }) {
  const { db } = deps;
  const { tenantId } = db;
  await db.run(async (tx) => {
    const hold = await tx.personHold.findFirst({ where: { tenantId, personId: input.personId, liftedAt: null } });
    if (!hold) throw notFound("A standing hold for this person");
    await tx.personHold.update({ where: { id: hold.id }, data: { liftedAt: new Date(), liftedBy: deps.actorId ?? null } });
    await recordAudit(tx, { tenantId, action: "person.lift_hold", targetType: "person", targetId: input.personId, before: { reason: hold.reason } });
  });
  return startEvaluation({ db, jobs: deps.jobs }, { mode: "published", enforce: true, personIds: [input.personId], trigger: "hold-lifted" });
}
