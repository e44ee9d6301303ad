import { Controller, Inject } from "@nestjs/common";
import { z } from "zod";
import { currentContext } from "@idlife/db";
import {
  businessRuleRoutes,
  createBusinessRuleRequestSchema,
  idParamsSchema,
  publishBusinessRuleRequestSchema,
  updateBusinessRuleRequestSchema,
} from "@idlife/contracts";
import { createBusinessRule, deleteBusinessRule, getBusinessRule, listBusinessRules, publishBusinessRule, updateBusinessRule } from "@idlife/use-cases";
import { Endpoint, tenantAccess } from "../../common/http/endpoint.decorator.ts";
import { ValidBody, ValidParams } from "../../common/http/validated.ts";
import { TenantDatabase } from "../../infrastructure/tenant-database.ts";

@Controller()
export class BusinessRulesController {
  constructor(@Inject(TenantDatabase) private readonly db: TenantDatabase) {}

  @Endpoint({ route: businessRuleRoutes.list, access: tenantAccess("read") })
  list() {
    return listBusinessRules(this.deps());
  }

  @Endpoint({ route: businessRuleRoutes.get, access: tenantAccess("read") })
  get(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    return getBusinessRule(this.deps(), { ruleId: params.id });
  }

  @Endpoint({ route: businessRuleRoutes.create, access: tenantAccess("configure") })
  create(@ValidBody() body: z.infer<typeof createBusinessRuleRequestSchema>) {
    return createBusinessRule(this.deps(), body);
  }

  @Endpoint({ route: businessRuleRoutes.update, access: tenantAccess("configure") })
  update(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidBody() body: z.infer<typeof updateBusinessRuleRequestSchema>) {
    return updateBusinessRule(this.deps(), { ruleId: params.id, changes: body });
  }

  @Endpoint({ route: businessRuleRoutes.remove, status: 204, access: tenantAccess("configure") })
  async remove(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    await deleteBusinessRule(this.deps(), { ruleId: params.id });
  }

  @Endpoint({ route: businessRuleRoutes.publish, access: tenantAccess("configure") })
  publish(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidBody() body: z.infer<typeof publishBusinessRuleRequestSchema>) {
    return publishBusinessRule(this.deps(), { ruleId: params.id, simulationId: body.simulationId });
  }

  private deps() {
    return { db: this.db.scope(), actorId: currentContext().actor?.label ?? null };
  }
}
