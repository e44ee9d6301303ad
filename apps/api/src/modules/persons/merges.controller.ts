import { Controller, Inject } from "@nestjs/common";
import { z } from "zod";
import { requireTenantId } from "@idlife/db";
import { idParamsSchema, mergeRoutes } from "@idlife/contracts";
import type { JobProducer } from "@idlife/jobs";
import { Endpoint, tenantAccess } from "../../common/http/endpoint.decorator.ts";
import { ValidBody, ValidParams, ValidQuery } from "../../common/http/validated.ts";
import { TenantDatabase } from "../../infrastructure/tenant-database.ts";
import { JOB_PRODUCER } from "../../infrastructure/tokens.ts";
import { acceptMergeSuggestion, mergePersons, rejectMergeSuggestion, unmergePerson } from "@idlife/use-cases";

const listQuerySchema = mergeRoutes.list.query;
const mergeBodySchema = mergeRoutes.merge.body;
const unmergeBodySchema = mergeRoutes.unmerge.body;

const ref = (person: { id: string; externalId: string; displayName: string } | null | undefined) =>
  person ? { id: person.id, externalId: person.externalId, displayName: person.displayName } : null;

@Controller()
export class MergesController {
  constructor(
    @Inject(TenantDatabase) private readonly db: TenantDatabase,
    @Inject(JOB_PRODUCER) private readonly jobs: JobProducer,
  ) {}

  @Endpoint({ route: mergeRoutes.list, access: tenantAccess("read") })
  list(@ValidQuery() query: z.infer<typeof listQuerySchema>) {
    const tenantId = requireTenantId();
    return this.db.run(async (tx) => {
      const rows = await tx.mergeSuggestion.findMany({ where: { tenantId, status: query.status }, orderBy: [{ score: "desc" }, { createdAt: "asc" }], take: 500 });
      const sources = await tx.personSource.findMany({ where: { tenantId, id: { in: rows.map((row) => row.personSourceId) } }, include: { person: true } });
      const candidates = await tx.person.findMany({ where: { tenantId, id: { in: rows.map((row) => row.candidatePersonId) } } });
      const sourceById = new Map(sources.map((source) => [source.id, source]));
      const candidateById = new Map(candidates.map((person) => [person.id, person]));
      return rows.map((row) => {
        const source = sourceById.get(row.personSourceId);
        return {
          id: row.id,
          status: row.status,
          score: row.score,
          person: ref(source?.person),
          candidate: ref(candidateById.get(row.candidatePersonId)),
          sourceSystemId: source?.sourceSystemId ?? "",
          sourceKey: source?.externalId ?? "",
          createdAt: row.createdAt.toISOString(),
        };
      });
    });
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
