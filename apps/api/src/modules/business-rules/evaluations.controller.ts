import { Controller, Inject } from "@nestjs/common";
import { z } from "zod";
import { currentContext, requireTenantId } from "@idlife/db";
import { decideBlockedRequestSchema, evaluationChangesQuerySchema, evaluationRoutes, idParamsSchema, startEvaluationRequestSchema } from "@idlife/contracts";
import type { JobProducer } from "@idlife/jobs";
import { decideBlockedChanges, enforceEvaluation, liftHold, revokeNow, evaluationView, explainPersonRules, listEvaluationChanges, notFound, startEvaluation } from "@idlife/use-cases";
import { Endpoint, tenantAccess } from "../../common/http/endpoint.decorator.ts";
import { ValidBody, ValidParams, ValidQuery } from "../../common/http/validated.ts";
import { TenantDatabase } from "../../infrastructure/tenant-database.ts";
import { JOB_PRODUCER } from "../../infrastructure/tokens.ts";

const personRulesQuerySchema = evaluationRoutes.personRules.query;

@Controller()
export class EvaluationsController {
  constructor(
    @Inject(TenantDatabase) private readonly db: TenantDatabase,
    @Inject(JOB_PRODUCER) private readonly jobs: JobProducer,
  ) {}

  @Endpoint({ route: evaluationRoutes.start, status: 202, access: tenantAccess("operate") })
  start(@ValidBody() body: z.infer<typeof startEvaluationRequestSchema>) {
    return startEvaluation({ db: this.db.scope(), jobs: this.jobs }, { ...body, trigger: "manual", requestedBy: this.requestedBy() });
  }

  @Endpoint({ route: evaluationRoutes.list, access: tenantAccess("read") })
  list() {
    const tenantId = requireTenantId();
    return this.db.run(async (tx) => (await tx.evaluation.findMany({ where: { tenantId }, orderBy: { createdAt: "desc" }, take: 50 })).map(evaluationView));
  }

  @Endpoint({ route: evaluationRoutes.get, access: tenantAccess("read") })
  get(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    const tenantId = requireTenantId();
    return this.db.run(async (tx) => {
      const row = await tx.evaluation.findFirst({ where: { id: params.id, tenantId } });
      if (!row) throw notFound("Evaluation");
      return evaluationView(row);
    });
  }

  @Endpoint({ route: evaluationRoutes.changes, access: tenantAccess("read") })
  changes(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidQuery() query: z.infer<typeof evaluationChangesQuerySchema>) {
    return listEvaluationChanges({ db: this.db.scope() }, { evaluationId: params.id, query });
  }

  @Endpoint({ route: evaluationRoutes.enforce, access: tenantAccess("operate") })
  enforce(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    return enforceEvaluation({ db: this.db.scope(), jobs: this.jobs }, { evaluationId: params.id, requestedBy: this.requestedBy() });
  }

  @Endpoint({ route: evaluationRoutes.decideBlocked, access: tenantAccess("configure") })
  decideBlocked(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidBody() body: z.infer<typeof decideBlockedRequestSchema>) {
    return decideBlockedChanges({ db: this.db.scope(), jobs: this.jobs }, { evaluationId: params.id, ...body, requestedBy: this.requestedBy() });
  }

  @Endpoint({ route: evaluationRoutes.revokeNow, access: tenantAccess("operate") })
  revokeNow(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidBody() body: { reason: string }) {
    return revokeNow({ db: this.db.scope(), jobs: this.jobs, actorId: currentContext().actor?.label ?? null }, { personId: params.id, reason: body.reason });
  }

  @Endpoint({ route: evaluationRoutes.liftHold, status: 202, access: tenantAccess("operate") })
  liftHold(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    return liftHold({ db: this.db.scope(), jobs: this.jobs, actorId: currentContext().actor?.label ?? null }, { personId: params.id });
  }

  private requestedBy() {
    const actor = currentContext().actor;
    return actor?.type === "user" ? { kind: "user", userId: actor.id } : actor?.type === "api_key" ? { kind: "api-key", apiKeyId: actor.id } : { kind: "system" };
  }

  @Endpoint({ route: evaluationRoutes.personRules, access: tenantAccess("read") })
  personRules(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidQuery() query: z.infer<typeof personRulesQuerySchema>) {
    return explainPersonRules({ db: this.db.scope() }, { personId: params.id, ...(query.today ? { today: query.today } : {}) });
  }
}
