import { Controller, Inject } from "@nestjs/common";
import { z } from "zod";
import { PrismaNamespace, recordAudit, requireTenantId, type TransactionClient } from "@idlife/db";
import { idParamsSchema, mergeRoutes } from "@idlife/contracts";
import type { JobProducer } from "@idlife/jobs";
import { badRequest, conflict, notFound } from "../../common/http/api-error.ts";
import { Endpoint, tenantAccess } from "../../common/http/endpoint.decorator.ts";
import { ValidBody, ValidParams, ValidQuery } from "../../common/http/validated.ts";
import { TenantDatabase } from "../../infrastructure/tenant-database.ts";
import { JOB_PRODUCER } from "../../infrastructure/tokens.ts";
import { requestSnapshot } from "../source-systems/request-snapshot.ts";

const listQuerySchema = mergeRoutes.list.query;
const mergeBodySchema = mergeRoutes.merge.body;
const unmergeBodySchema = mergeRoutes.unmerge.body;

const ref = (person: { id: string; externalId: string; displayName: string } | null | undefined) =>
  person ? { id: person.id, externalId: person.externalId, displayName: person.displayName } : null;

/** A person no longer fed by any source disappears into the one it was merged with. */
async function removeIfEmpty(tx: TransactionClient, tenantId: string, personId: string | null) {
  if (!personId) return;
  if ((await tx.personSource.count({ where: { tenantId, personId } })) === 0) await tx.person.deleteMany({ where: { tenantId, id: personId } });
}

async function historyEntry(tx: TransactionClient, tenantId: string, personId: string, field: string, newValue: object) {
  await tx.personHistory.create({ data: { tenantId, personId, field, kind: "changed", oldValue: PrismaNamespace.DbNull, newValue, cause: "merge" } });
}

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
    const tenantId = requireTenantId();
    const result = await this.db.run(async (tx) => {
      const suggestion = await this.openSuggestion(tx, tenantId, params.id);
      const source = await tx.personSource.findFirstOrThrow({ where: { tenantId, id: suggestion.personSourceId } });
      const candidate = await tx.person.findFirst({ where: { tenantId, id: suggestion.candidatePersonId } });
      if (!candidate) throw conflict("candidate_gone", "The suggested person no longer exists; reject this suggestion.");
      const previousPersonId = source.personId;
      await tx.personSource.update({ where: { id: source.id }, data: { personId: candidate.id } });
      await tx.mergeSuggestion.update({ where: { id: suggestion.id }, data: { status: "accepted", decidedAt: new Date() } });
      // The other candidates of this record are answered by this decision.
      await tx.mergeSuggestion.updateMany({ where: { tenantId, personSourceId: source.id, status: "open" }, data: { status: "rejected", decidedAt: new Date() } });
      await removeIfEmpty(tx, tenantId, previousPersonId);
      await historyEntry(tx, tenantId, candidate.id, "Merge", { joined: { sourceSystemId: source.sourceSystemId, sourceKey: source.externalId }, score: suggestion.score });
      await recordAudit(tx, { action: "aggregation.accept", targetType: "merge_suggestion", targetId: suggestion.id, after: { candidatePersonId: candidate.id, sourceKey: source.externalId, score: suggestion.score } });
      return { id: suggestion.id, status: "accepted" as const };
    });
    await requestSnapshot(this.db, this.jobs, { cause: "merge" });
    return result;
  }

  @Endpoint({ route: mergeRoutes.reject, status: 200, access: tenantAccess("configure") })
  async reject(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    const tenantId = requireTenantId();
    const result = await this.db.run(async (tx) => {
      const suggestion = await this.openSuggestion(tx, tenantId, params.id);
      await tx.mergeSuggestion.update({ where: { id: suggestion.id }, data: { status: "rejected", decidedAt: new Date() } });
      const source = await tx.personSource.findFirstOrThrow({ where: { tenantId, id: suggestion.personSourceId } });
      const stillOpen = source.personId
        ? await tx.mergeSuggestion.count({ where: { tenantId, status: "open", personSourceId: { in: (await tx.personSource.findMany({ where: { tenantId, personId: source.personId }, select: { id: true } })).map((row) => row.id) } } })
        : 0;
      if (source.personId && stillOpen === 0) await tx.person.updateMany({ where: { tenantId, id: source.personId }, data: { pendingMerge: false } });
      await recordAudit(tx, { action: "aggregation.reject", targetType: "merge_suggestion", targetId: suggestion.id, after: { candidatePersonId: suggestion.candidatePersonId, sourceKey: source.externalId } });
      return { id: suggestion.id, status: "rejected" as const };
    });
    await requestSnapshot(this.db, this.jobs, { cause: "merge" });
    return result;
  }

  @Endpoint({ route: mergeRoutes.merge, status: 200, access: tenantAccess("configure") })
  async merge(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidBody() body: z.infer<typeof mergeBodySchema>) {
    const tenantId = requireTenantId();
    if (params.id === body.intoPersonId) throw badRequest("same_person", "A person cannot be merged into themself.");
    await this.db.run(async (tx) => {
      const [person, into] = await Promise.all([
        tx.person.findFirst({ where: { tenantId, id: params.id } }),
        tx.person.findFirst({ where: { tenantId, id: body.intoPersonId } }),
      ]);
      if (!person || !into) throw notFound("Person");
      const moved = await tx.personSource.findMany({ where: { tenantId, personId: person.id } });
      await tx.personSource.updateMany({ where: { tenantId, personId: person.id }, data: { personId: into.id } });
      // A merge by hand settles any suggestion about these records.
      await tx.mergeSuggestion.updateMany({ where: { tenantId, status: "open", personSourceId: { in: moved.map((source) => source.id) } }, data: { status: "accepted", decidedAt: new Date() } });
      await tx.person.deleteMany({ where: { tenantId, id: person.id } });
      await historyEntry(tx, tenantId, into.id, "Merge", { merged: { externalId: person.externalId, displayName: person.displayName, sources: moved.map((source) => ({ sourceSystemId: source.sourceSystemId, sourceKey: source.externalId })) } });
      await recordAudit(tx, { action: "person.merge", targetType: "person", targetId: into.id, before: { person: ref(person), into: ref(into) }, after: { into: ref(into), movedSources: moved.length } });
    });
    await requestSnapshot(this.db, this.jobs, { cause: "merge" });
    return { personId: body.intoPersonId };
  }

  @Endpoint({ route: mergeRoutes.unmerge, status: 200, access: tenantAccess("configure") })
  async unmerge(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidBody() body: z.infer<typeof unmergeBodySchema>) {
    const tenantId = requireTenantId();
    await this.db.run(async (tx) => {
      const person = await tx.person.findFirst({ where: { tenantId, id: params.id } });
      if (!person) throw notFound("Person");
      const source = await tx.personSource.findFirst({ where: { tenantId, personId: person.id, sourceSystemId: body.sourceSystemId, externalId: body.sourceKey } });
      if (!source) throw notFound("Source record of this person");
      if ((await tx.personSource.count({ where: { tenantId, personId: person.id } })) < 2) {
        throw conflict("single_source", "This person has only one source record; there is nothing to split off.");
      }
      await tx.personSource.update({ where: { id: source.id }, data: { personId: null } });
      // Remembered as a rejected pairing, so aggregation never joins them again by itself.
      await tx.mergeSuggestion.upsert({
        where: { tenantId_personSourceId_candidatePersonId: { tenantId, personSourceId: source.id, candidatePersonId: person.id } },
        create: { tenantId, personSourceId: source.id, candidatePersonId: person.id, score: 0, status: "rejected", decidedAt: new Date() },
        update: { status: "rejected", decidedAt: new Date() },
      });
      await historyEntry(tx, tenantId, person.id, "Unmerge", { splitOff: { sourceSystemId: source.sourceSystemId, sourceKey: source.externalId } });
      await recordAudit(tx, { action: "person.unmerge", targetType: "person", targetId: person.id, after: { sourceSystemId: source.sourceSystemId, sourceKey: source.externalId } });
    });
    await requestSnapshot(this.db, this.jobs, { cause: "merge" });
    return { personId: params.id };
  }

  private async openSuggestion(tx: TransactionClient, tenantId: string, id: string) {
    const suggestion = await tx.mergeSuggestion.findFirst({ where: { tenantId, id } });
    if (!suggestion) throw notFound("Merge suggestion");
    if (suggestion.status !== "open") throw conflict("already_decided", `This suggestion was already ${suggestion.status}.`);
    return suggestion;
  }
}
