import { asTenantId, type Prisma } from "@idlife/db";
import type { JobProducer } from "@idlife/jobs";
import { startEvaluation, tenantScope } from "@idlife/use-cases";

/** Up to this many changed persons are evaluated by id; more, or a full snapshot, evaluates everyone. */
const BY_ID_LIMIT = 1_000;

/**
 * After a snapshot: when the tenant has published rules, the persons it changed (or everyone,
 * after a full snapshot or a large change) are evaluated and the plan enforced, through the
 * safety thresholds. Nothing happens for a tenant without rules or a snapshot that changed no one.
 */
export async function evaluateChangedPersons(deps: { prisma: Prisma; jobs: JobProducer; today?: string }, input: { tenantId: string; personIds: readonly string[]; full: boolean }) {
  if (input.personIds.length === 0) return;
  const db = tenantScope(deps.prisma, asTenantId(input.tenantId));
  const published = await db.run((tx) => tx.businessRuleVersion.count({ where: { tenantId: input.tenantId, state: "published" } }));
  if (published === 0) return;
  const everyone = input.full || input.personIds.length > BY_ID_LIMIT;
  await startEvaluation(
    { db, jobs: deps.jobs },
    { mode: "published", enforce: true, trigger: "snapshot", ...(everyone ? {} : { personIds: [...input.personIds] }), ...(deps.today ? { today: deps.today } : {}) },
  );
}
