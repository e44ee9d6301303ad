import type { z } from "zod";
import type { evaluationSchema } from "@idlife/contracts";
import type { TenantScope } from "../tenant-scope.ts";
import { notFound } from "../use-case-error.ts";
import { evaluationView } from "./evaluation-view.ts";

/** How many of the latest evaluations the list shows. */
const LATEST_EVALUATIONS = 50;

/** The tenant's latest evaluations, the newest first. */
export function listEvaluations(deps: { db: TenantScope }): Promise<z.infer<typeof evaluationSchema>[]> {
  const { tenantId } = deps.db;
  return deps.db.run(async (tx) => (await tx.evaluation.findMany({ where: { tenantId }, orderBy: { createdAt: "desc" }, take: LATEST_EVALUATIONS })).map(evaluationView));
}

/** One evaluation of the tenant; another tenant's id is not found. */
export async function getEvaluation(deps: { db: TenantScope }, input: { evaluationId: string }): Promise<z.infer<typeof evaluationSchema>> {
  const row = await deps.db.run((tx) => tx.evaluation.findFirst({ where: { id: input.evaluationId, tenantId: deps.db.tenantId } }));
  if (!row) throw notFound("Evaluation");
  return evaluationView(row);
}
