import { Controller, Inject } from "@nestjs/common";
import { z } from "zod";
import { requireTenantId } from "@idlife/db";
import { idParamsSchema } from "@idlife/contracts";
import type { JobProducer } from "@idlife/jobs";
import { Endpoint, tenantAccess } from "../../common/http/endpoint.decorator.ts";
import { ValidBody, ValidParams, ValidQuery } from "../../common/http/validated.ts";
import { TenantDatabase } from "../../infrastructure/tenant-database.ts";
import { JOB_PRODUCER } from "../../infrastructure/tokens.ts";
import { acceptMergeSuggestion, mergePersons, rejectMergeSuggestion, unmergePerson } from "@idlife/use-cases";

const tags = ["Aggregation"];
const personRef = z.object({ id: z.uuid(), externalId: z.string(), displayName: z.string() });
const suggestionSchema = z.object({
  id: z.uuid(),
  status: z.enum(["open", "accepted", "rejected"]),
  score: z.number(),
  person: personRef.nullable(),
  candidate: personRef.nullable(),
  sourceSystemId: z.string(),
  sourceKey: z.string(),
  createdAt: z.iso.datetime(),
});
const listQuerySchema = z.strictObject({ status: z.enum(["open", "accepted", "rejected"]).default("open") });
const mergeBodySchema = z.strictObject({ intoPersonId: z.uuid() });
const unmergeBodySchema = z.strictObject({ sourceSystemId: z.uuid(), sourceKey: z.string().min(1).max(200) });

const ref = (person: { id: string; externalId: string; displayName: string } | null | undefined) =>
  person ? { id: person.id, externalId: person.externalId, displayName: person.displayName } : null;

@Controller()
export class MergesController {
  constructor(
    @Inject(TenantDatabase) private readonly db: TenantDatabase,
    @Inject(JOB_PRODUCER) private readonly jobs: JobProducer,
  ) {}

  @Endpoint({ method: "GET", path: "merge-suggestions", access: tenantAccess("read"), summary: "Possible duplicates (one human in two systems) waiting for a decision", tags, query: listQuerySchema, response: z.array(suggestionSchema) })
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

  @Endpoint({ method: "POST", path: "merge-suggestions/:id/accept", status: 200, access: tenantAccess("configure"), summary: "Accept: the held-back person joins the suggested person", tags, params: idParamsSchema, response: suggestionSchema.pick({ id: true, status: true }) })
  async accept(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    return acceptMergeSuggestion(this.deps(), { suggestionId: params.id });
  }

  @Endpoint({ method: "POST", path: "merge-suggestions/:id/reject", status: 200, access: tenantAccess("configure"), summary: "Reject: they are different people; the held-back person is processed on its own", tags, params: idParamsSchema, response: suggestionSchema.pick({ id: true, status: true }) })
  async reject(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    return rejectMergeSuggestion(this.deps(), { suggestionId: params.id });
  }

  @Endpoint({ method: "POST", path: "persons/:id/merge", status: 200, access: tenantAccess("configure"), summary: "Merge this person into another: every source record moves to that person", tags, params: idParamsSchema, body: mergeBodySchema, response: z.object({ personId: z.uuid() }) })
  async merge(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidBody() body: z.infer<typeof mergeBodySchema>) {
    return mergePersons(this.deps(), { personId: params.id, intoPersonId: body.intoPersonId });
  }

  @Endpoint({ method: "POST", path: "persons/:id/unmerge", status: 200, access: tenantAccess("configure"), summary: "Split one source record off this person; it becomes a person of its own and is never merged back automatically", tags, params: idParamsSchema, body: unmergeBodySchema, response: z.object({ personId: z.uuid() }) })
  async unmerge(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidBody() body: z.infer<typeof unmergeBodySchema>) {
    return unmergePerson(this.deps(), { personId: params.id, ...body });
  }

  private deps() {
    return { db: this.db.scope(), jobs: this.jobs };
  }
}
