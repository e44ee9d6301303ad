import { Controller, Inject } from "@nestjs/common";
import { z } from "zod";
import { requireTenantId } from "@idlife/db";
import { tenantRoutes, updateTenantRequestSchema } from "@idlife/contracts";
import { toTenantResponse, updateTenant } from "@idlife/use-cases";
import { Endpoint, tenantAccess } from "../../common/http/endpoint.decorator.ts";
import { ValidBody } from "../../common/http/validated.ts";
import { TenantDatabase } from "../../infrastructure/tenant-database.ts";
import { DEFAULT_PRIMARY_CONTRACT_CRITERIA, primaryContractChanges } from "@idlife/core";
import type { JobProducer } from "@idlife/jobs";
import { JOB_PRODUCER } from "../../infrastructure/tokens.ts";

const previewCriteriaSchema = tenantRoutes.previewPrimaryContract.body;

@Controller()
export class TenantController {
  constructor(
    @Inject(TenantDatabase) private readonly db: TenantDatabase,
    @Inject(JOB_PRODUCER) private readonly jobs: JobProducer,
  ) {}

  @Endpoint({ route: tenantRoutes.get, access: tenantAccess("read") })
  async get() {
    const tenantId = requireTenantId();
    return this.db.run(async (tx) => toTenantResponse(await tx.tenant.findUniqueOrThrow({ where: { id: tenantId } })));
  }

  @Endpoint({ route: tenantRoutes.update, access: tenantAccess("configure") })
  async update(@ValidBody() body: z.infer<typeof updateTenantRequestSchema>) {
    return updateTenant({ db: this.db.scope(), jobs: this.jobs }, body);
  }

  @Endpoint({ route: tenantRoutes.previewPrimaryContract, status: 200, access: tenantAccess("configure") })
  async previewPrimaryContract(@ValidBody() body: z.infer<typeof previewCriteriaSchema>) {
    const tenantId = requireTenantId();
    return this.db.run(async (tx) => {
      const tenant = toTenantResponse(await tx.tenant.findUniqueOrThrow({ where: { id: tenantId } }));
      const persons = await tx.person.findMany({ where: { tenantId, status: { not: "former" } }, select: { id: true, externalId: true, displayName: true, data: true } });
      const today = new Intl.DateTimeFormat("en-CA", { timeZone: tenant.settings.timeZone }).format(new Date());
      const changes = primaryContractChanges(
        persons.map((person) => ({ ExternalId: person.externalId, Contracts: ((person.data as { Contracts?: never[] }).Contracts ?? []) })),
        tenant.settings.primaryContractCriteria ?? DEFAULT_PRIMARY_CONTRACT_CRITERIA,
        body.criteria,
        today,
      );
      const byExternalId = new Map(persons.map((person) => [person.externalId, person]));
      return changes.map((change) => {
        const person = byExternalId.get(change.personExternalId)!;
        return { personId: person.id, externalId: person.externalId, displayName: person.displayName, oldContractExternalId: change.oldContractExternalId, newContractExternalId: change.newContractExternalId };
      });
    });
  }
}
