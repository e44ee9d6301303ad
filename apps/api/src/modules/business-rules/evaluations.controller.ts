import { Controller, Inject } from "@nestjs/common";
import { z } from "zod";
import { decideBlockedRequestSchema, evaluationChangesQuerySchema, evaluationRoutes, idParamsSchema, startEvaluationRequestSchema } from "@idlife/contracts";
import { decideBlockedChanges, enforceEvaluation, getEvaluation, liftHold, listEvaluations, revokeNow, explainPersonRules, listEvaluationChanges, startEvaluation } from "@idlife/use-cases";
import { requestedBy } from "../../common/auth/requested-by.ts";
import { Endpoint, tenantAccess } from "../../common/http/endpoint.decorator.ts";
import { ValidBody, ValidParams, ValidQuery } from "../../common/http/validated.ts";
import { EvaluationDeps } from "./evaluation-deps.ts";

const personRulesQuerySchema = evaluationRoutes.personRules.query;

@Controller()
export class EvaluationsController {
  constructor(@Inject(EvaluationDeps) private readonly deps: EvaluationDeps) {}

  @Endpoint({ route: evaluationRoutes.start, status: 202, access: tenantAccess("operate") })
  start(@ValidBody() body: z.infer<typeof startEvaluationRequestSchema>) {
    return startEvaluation(this.deps, { ...body, trigger: "manual", requestedBy: requestedBy() });
  }

  @Endpoint({ route: evaluationRoutes.list, access: tenantAccess("read") })
  list() {
    return listEvaluations(this.deps);
  }

  @Endpoint({ route: evaluationRoutes.get, access: tenantAccess("read") })
  get(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    return getEvaluation(this.deps, { evaluationId: params.id });
  }

  @Endpoint({ route: evaluationRoutes.changes, access: tenantAccess("read") })
  changes(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidQuery() query: z.infer<typeof evaluationChangesQuerySchema>) {
    return listEvaluationChanges(this.deps, { evaluationId: params.id, query });
  }

  @Endpoint({ route: evaluationRoutes.enforce, access: tenantAccess("operate") })
  enforce(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    return enforceEvaluation(this.deps, { evaluationId: params.id, requestedBy: requestedBy() });
  }

  @Endpoint({ route: evaluationRoutes.decideBlocked, access: tenantAccess("configure") })
  decideBlocked(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidBody() body: z.infer<typeof decideBlockedRequestSchema>) {
    return decideBlockedChanges(this.deps, { evaluationId: params.id, ...body, requestedBy: requestedBy() });
  }

  @Endpoint({ route: evaluationRoutes.revokeNow, access: tenantAccess("operate") })
  revokeNow(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidBody() body: { reason: string }) {
    return revokeNow(this.deps, { personId: params.id, reason: body.reason });
  }

  @Endpoint({ route: evaluationRoutes.liftHold, status: 202, access: tenantAccess("operate") })
  liftHold(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    return liftHold(this.deps, { personId: params.id });
  }

  @Endpoint({ route: evaluationRoutes.personRules, access: tenantAccess("read") })
  personRules(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidQuery() query: z.infer<typeof personRulesQuerySchema>) {
    return explainPersonRules(this.deps, { personId: params.id, ...(query.today ? { today: query.today } : {}) });
  }
}
