import { Controller, Inject } from "@nestjs/common";
import { z } from "zod";
import { idParamsSchema, mergeRoutes } from "@idlife/contracts";
import type { JobProducer } from "@idlife/jobs";
import { Endpoint, tenantAccess } from "../../common/http/endpoint.decorator.ts";
import { ValidBody, ValidParams, ValidQuery } from "../../common/http/validated.ts";
import { TenantDatabase } from "../../infrastructure/tenant-database.ts";
import { JOB_PRODUCER } from "../../infrastructure/tokens.ts";
import { acceptMergeSuggestion, listMergeSuggestions, mergePersons, rejectMergeSuggestion, unmergePerson } from "@idlife/use-cases";

const listQuerySchema = mergeRoutes.list.query;
const mergeBodySchema = mergeRoutes.merge.body;
const unmergeBodySchema = mergeRoutes.unmerge.body;

@Controller()
export class MergesController {
  constructor(
    @Inject(TenantDatabase) private readonly db: TenantDatabase,
    @Inject(JOB_PRODUCER) private readonly jobs: JobProducer,
  ) {}

  @Endpoint({ route: mergeRoutes.list, access: tenantAccess("read") })
  list(@ValidQuery() query: z.infer<typeof listQuerySchema>) {
    return listMergeSuggestions({ db: this.db.scope() }, { status: query.status });
  }

  @Endpoint({ route: mergeRoutes.accept, status: 200, access: tenantAccess("configure") })
  async accept(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    return acceptMergeSuggestion(this.deps(), { suggestionId: params.id });
  }

  @Endpoint({ route: mergeRoutes.reject, status: 200, access: tenantAccess("configure") })
  async reject(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    return rejectMergeSuggestion(this.deps(), { suggestionId: params.id });
  }

  @Endpoint({ route: mergeRoutes.merge, status: 200, access: tenantAccess("configure") })
  async merge(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidBody() body: z.infer<typeof mergeBodySchema>) {
    return mergePersons(this.deps(), { personId: params.id, intoPersonId: body.intoPersonId });
  }

  @Endpoint({ route: mergeRoutes.unmerge, status: 200, access: tenantAccess("configure") })
  async unmerge(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidBody() body: z.infer<typeof unmergeBodySchema>) {
    return unmergePerson(this.deps(), { personId: params.id, ...body });
  }

  private deps() {
    return { db: this.db.scope(), jobs: this.jobs };
  }
}
