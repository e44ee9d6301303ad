import { withTenant, type Prisma } from "@idlife/db";
import type { JobProducer } from "@idlife/jobs";
import { enqueueTargetRun } from "@idlife/use-cases";
import { tenantsInPages } from "../tenants-in-pages.ts";

/**
 * Target systems with work and possibly no job: planned rows due for longer than `graceMs`, or
 * rows left running longer than `staleAfterMs` (their worker died). A run is asked for each; the
 * run's deduplication makes this harmless when a job does exist.
 */
export async function sweepTargetActions(deps: { prisma: Prisma; producer: JobProducer; now?: Date; graceMs: number; staleAfterMs: number }): Promise<Array<{ tenantId: string; targetSystemId: string }>> {
  const now = deps.now ?? new Date();
  const woken: Array<{ tenantId: string; targetSystemId: string }> = [];
  for await (const tenantId of tenantsInPages(deps.prisma)) {
    const systems = await withTenant(deps.prisma, tenantId, (tx) =>
      tx.targetAction.findMany({
        where: {
          tenantId,
          // A switched-off system's work waits for it to be switched on (its update asks for a run).
          targetSystem: { enabled: true },
          OR: [
            { state: "planned", runAfter: { lte: new Date(now.getTime() - deps.graceMs) } },
            { state: "running", startedAt: { lte: new Date(now.getTime() - deps.staleAfterMs) } },
          ],
        },
        distinct: ["targetSystemId"],
        select: { targetSystemId: true },
      }),
    );
    for (const { targetSystemId } of systems) {
      await enqueueTargetRun(deps.producer, tenantId, targetSystemId);
      woken.push({ tenantId, targetSystemId });
    }
  }
  return woken;
}
