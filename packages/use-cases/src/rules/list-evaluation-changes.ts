import type { z } from "zod";
import type { evaluationChangeSchema, evaluationChangesQuerySchema } from "@idlife/contracts";
import type { TenantScope } from "../tenant-scope.ts";
import { notFound } from "../use-case-error.ts";

/** One evaluation's plan, a page at a time, with person and system names: the diff an administrator reads. */
export async function listEvaluationChanges(deps: { db: TenantScope }, input: { evaluationId: string; query: z.output<typeof evaluationChangesQuerySchema> }): Promise<z.infer<typeof evaluationChangeSchema>[]> {
  const { tenantId } = deps.db;
  return deps.db.run(async (tx) => {
    if (!(await tx.evaluation.findFirst({ where: { id: input.evaluationId, tenantId }, select: { id: true } }))) throw notFound("Evaluation");
    const { personId, state, action, type, limit, offset } = input.query;
    const rows = await tx.evaluationChange.findMany({
      where: { tenantId, evaluationId: input.evaluationId, ...(personId ? { personId } : {}), ...(state ? { state } : {}), ...(action ? { action } : {}), ...(type ? { type } : {}) },
      orderBy: [{ personId: "asc" }, { step: "asc" }, { id: "asc" }],
      take: limit,
      skip: offset,
    });
    const [persons, systems] = await Promise.all([
      tx.person.findMany({ where: { tenantId, id: { in: [...new Set(rows.map((row) => row.personId))] } }, select: { id: true, displayName: true } }),
      tx.targetSystem.findMany({ where: { tenantId, id: { in: [...new Set(rows.map((row) => row.targetSystemId))] } }, select: { id: true, name: true } }),
    ]);
    const personName = new Map(persons.map((person) => [person.id, person.displayName]));
    const systemName = new Map(systems.map((system) => [system.id, system.name]));
    return rows.map((row) => ({
      personId: row.personId,
      personName: personName.get(row.personId) ?? "(removed)",
      targetSystemId: row.targetSystemId,
      targetSystemName: systemName.get(row.targetSystemId) ?? "(removed)",
      type: row.type as "account" | "access" | "permission",
      action: row.action as "grant" | "revoke",
      permission: (row.permission as { id?: string; name?: string; create?: boolean } | null) ?? null,
      reasons: row.reasons as { ruleId: string; ruleName: string; contracts: string[] }[],
      why: row.why,
      state: row.state,
      blockReason: row.blockReason,
    }));
  });
}
