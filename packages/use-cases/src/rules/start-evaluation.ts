import type { z } from "zod";
import { startEvaluationRequestSchema } from "@idlife/contracts";
import { todayInTimeZone } from "@idlife/core";
import type { TransactionClient } from "@idlife/db";
import type { JobProducer } from "@idlife/jobs";
import { parseInput, type TenantScope } from "../tenant-scope.ts";
import { badRequest, UseCaseError } from "../use-case-error.ts";
import { evaluationView } from "./evaluation-view.ts";

/** Today on the tenant's calendar. */
export async function tenantToday(tx: TransactionClient, tenantId: string): Promise<string> {
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { settings: true } });
  const timeZone = (tenant.settings as Record<string, unknown> | null)?.timeZone;
  return todayInTimeZone(typeof timeZone === "string" ? timeZone : "Europe/Amsterdam");
}

/**
 * Evaluations of one tenant waiting for the worker that a caller may add to. Each evaluates the
 * whole tenant at most, so more in line would only make the same plan again; the worker also runs
 * one evaluation per tenant at a time (worker-config's tenant share), so that other tenants wait
 * for none of them. The tenant's own automatic evaluations (after a snapshot, a lifted hold, the
 * daily run) are never refused.
 */
export const MAX_QUEUED_EVALUATIONS = 5;

/**
 * Starts an evaluation (everyone, or the persons named) of the published rules, or a simulation
 * with drafts in their place; the worker computes the plan. Nothing in any target changes.
 */
export async function startEvaluation(
  deps: { db: TenantScope; jobs: JobProducer },
  input: z.input<typeof startEvaluationRequestSchema> & { trigger?: string; requestedBy?: Record<string, unknown> | null },
) {
  const body = parseInput(startEvaluationRequestSchema, { mode: input.mode, draftVersionIds: input.draftVersionIds, personIds: input.personIds, today: input.today, enforce: input.enforce });
  if (body.enforce && body.mode !== "published") throw badRequest("simulation_not_enforceable", "A simulation is never enforced: evaluate the published rules to enforce.");
  const { tenantId } = deps.db;
  const evaluation = await deps.db.run(async (tx) => {
    let draftVersionIds: string[] = [];
    if (body.mode === "simulation") {
      const drafts = await tx.businessRuleVersion.findMany({ where: { tenantId, state: "draft", ...(body.draftVersionIds ? { id: { in: body.draftVersionIds } } : {}) }, select: { id: true } });
      if (body.draftVersionIds && drafts.length !== body.draftVersionIds.length) throw badRequest("unknown_draft", "Some of the draft versions do not exist (or were published meanwhile): reload the rules and simulate again.");
      draftVersionIds = drafts.map((draft) => draft.id);
    }
    if (body.personIds) {
      const found = await tx.person.count({ where: { tenantId, id: { in: body.personIds } } });
      if (found !== new Set(body.personIds).size) throw badRequest("unknown_person", "Some of the persons do not exist in this tenant.");
    }
    if ((input.trigger ?? "manual") === "manual") {
      // Only those started by hand count: a busy push feed's own evaluations never lock the administrator out.
      const waiting = await tx.evaluation.count({ where: { tenantId, status: "queued", trigger: "manual" } });
      if (waiting >= MAX_QUEUED_EVALUATIONS) {
        throw new UseCaseError(429, "too_many_evaluations", `This tenant already has ${waiting} evaluations started by hand waiting to run; start another once they have run.`, { retryAfterSeconds: 30 });
      }
    }
    const today = body.today ?? (await tenantToday(tx, tenantId));
    return tx.evaluation.create({
      data: {
        tenantId,
        mode: body.mode,
        trigger: input.trigger ?? "manual",
        status: "queued",
        draftVersionIds,
        everyone: !body.personIds,
        enforce: body.enforce,
        personIds: body.personIds ?? [],
        today: new Date(`${today}T00:00:00Z`),
        ...(input.requestedBy ? { requestedBy: input.requestedBy as object } : {}),
      },
    });
  });
  await deps.jobs.enqueue("evaluation.run", { tenantId, evaluationId: evaluation.id });
  return evaluationView(evaluation);
}
