// Deciding a merge suggestion: once, within the tenant, and the persons are decided again after.
import { describe, expect, it } from "vitest";
import { acceptMergeSuggestion, rejectMergeSuggestion } from "../src/index.ts";
import { refusal, seedPerson, seedSource, useUseCaseTest } from "./support.ts";

const ctx = useUseCaseTest();

/** A held-back person of the school system that may be the HR system's person. */
async function arrangeSuggestion() {
  const tenant = await ctx.newTenant();
  const [hr, school] = [await seedSource(ctx.owner, tenant.tenantId), await seedSource(ctx.owner, tenant.tenantId)];
  const candidate = await seedPerson(ctx.owner, tenant.tenantId, hr.id, "E1");
  const held = await seedPerson(ctx.owner, tenant.tenantId, school.id, "S1");
  await ctx.owner.person.update({ where: { id: held.id }, data: { pendingMerge: true } });
  const source = await ctx.owner.personSource.findFirstOrThrow({ where: { tenantId: tenant.tenantId, externalId: "S1" } });
  const suggestion = await ctx.owner.mergeSuggestion.create({ data: { tenantId: tenant.tenantId, personSourceId: source.id, candidatePersonId: candidate.id, score: 95 } });
  return { ...tenant, held, candidate, suggestion, deps: { db: tenant.db, jobs: ctx.jobs } };
}

describe("merge suggestion decisions", () => {
  it("reject: the held-back person is released, the decision is audited, a snapshot is requested; a second decision is refused", async () => {
    const { tenantId, held, suggestion, deps } = await arrangeSuggestion();
    expect(await rejectMergeSuggestion(deps, { suggestionId: suggestion.id })).toEqual({ id: suggestion.id, status: "rejected" });
    expect(await ctx.owner.person.findUniqueOrThrow({ where: { id: held.id } })).toMatchObject({ pendingMerge: false });
    expect(await ctx.owner.auditEntry.count({ where: { tenantId, action: "aggregation.reject", targetId: suggestion.id } })).toBe(1);
    expect(await ctx.owner.snapshot.findFirstOrThrow({ where: { tenantId } })).toMatchObject({ cause: "merge" });

    for (const decide of [acceptMergeSuggestion, rejectMergeSuggestion]) {
      expect(await refusal(decide(deps, { suggestionId: suggestion.id }))).toMatchObject({ status: 409, code: "already_decided" });
    }
    expect(await ctx.owner.snapshot.count({ where: { tenantId } })).toBe(1);
  });

  it("accept: the held-back record joins the suggested person; another tenant cannot decide it", async () => {
    const { tenantId, held, candidate, suggestion, deps } = await arrangeSuggestion();
    const other = await ctx.newTenant();
    expect(await refusal(acceptMergeSuggestion({ db: other.db, jobs: ctx.jobs }, { suggestionId: suggestion.id }))).toMatchObject({ status: 404 });
    expect(await ctx.owner.snapshot.count({ where: { tenantId: { in: [tenantId, other.tenantId] } } })).toBe(0);

    expect(await acceptMergeSuggestion(deps, { suggestionId: suggestion.id })).toEqual({ id: suggestion.id, status: "accepted" });
    expect(await ctx.owner.personSource.findFirstOrThrow({ where: { tenantId, externalId: "S1" } })).toMatchObject({ personId: candidate.id });
    expect(await ctx.owner.person.findUnique({ where: { id: held.id } })).toBeNull();
    expect(await ctx.owner.snapshot.findFirstOrThrow({ where: { tenantId } })).toMatchObject({ cause: "merge" });
  });

  it("refuses a suggestion id that is not a uuid with a 400 and changes nothing", async () => {
    const { tenantId, deps } = await arrangeSuggestion();
    expect(await refusal(rejectMergeSuggestion(deps, { suggestionId: "not-an-id" }))).toMatchObject({ status: 400 });
    expect(await ctx.owner.mergeSuggestion.findFirstOrThrow({ where: { tenantId } })).toMatchObject({ status: "open" });
  });
});
