import { todayInTimeZone } from "@idlife/core";
import type { Prisma } from "@idlife/db";
import type { JobProducer } from "@idlife/jobs";
import { startEvaluation, tenantScope } from "@idlife/use-cases";
import { tenantsInPages } from "../tenants-in-pages.ts";

/**
 * The date is an event too: once a day, in each tenant's own time zone, the persons whose contracts
 * start or end, or whose grace or delete days come, get what the rules now want, without any
 * import. The tick runs every hour; a tenant is evaluated (everyone: a full evaluation of 100,000
 * persons takes seconds, and it also catches what an earlier day missed) when no daily evaluation
 * exists for its date yet. Tenants without published rules are left alone.
 */
export async function runDailyEvaluations(deps: { prisma: Prisma; jobs: JobProducer; now?: Date }): Promise<Array<{ tenantId: string; today: string; evaluationId: string }>> {
  const now = deps.now ?? new Date();
  const started: Array<{ tenantId: string; today: string; evaluationId: string }> = [];
  for await (const tenantId of tenantsInPages(deps.prisma, { activeOnly: true })) {
    const db = tenantScope(deps.prisma, tenantId);
    const due = await db.run(async (tx) => {
      if ((await tx.businessRuleVersion.count({ where: { tenantId, state: "published" } })) === 0) return undefined;
      const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { settings: true } });
      const timeZone = (tenant.settings as Record<string, unknown> | null)?.timeZone;
      const today = todayInTimeZone(typeof timeZone === "string" ? timeZone : "Europe/Amsterdam", now);
      const done = await tx.evaluation.count({ where: { tenantId, trigger: "daily", today: new Date(`${today}T00:00:00Z`), status: { not: "failed" } } });
      return done === 0 ? today : undefined;
    });
    if (!due) continue;
    const evaluation = await startEvaluation({ db, jobs: deps.jobs }, { mode: "published", enforce: true, trigger: "daily", today: due });
    started.push({ tenantId, today: due, evaluationId: evaluation.id });
  }
  return started;
}
