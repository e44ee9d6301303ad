// Merging and unmerging persons by hand: within one tenant only, each change requests a snapshot.
import { describe, expect, it } from "vitest";
import { mergePersons, unmergePerson } from "../src/index.ts";
import { refusal, seedPerson, seedSource, useUseCaseTest } from "./support.ts";

const ctx = useUseCaseTest();

describe("mergePersons", () => {
  it("moves every source record into the other person, removes the emptied one and requests a snapshot", async () => {
    const { tenantId, db } = await ctx.newTenant();
    const [hr, school] = [await seedSource(ctx.owner, tenantId), await seedSource(ctx.owner, tenantId)];
    const one = await seedPerson(ctx.owner, tenantId, hr.id, "E1");
    const same = await seedPerson(ctx.owner, tenantId, school.id, "S1");
    expect(await mergePersons({ db, jobs: ctx.jobs }, { personId: same.id, intoPersonId: one.id })).toEqual({ personId: one.id });
    expect(await ctx.owner.personSource.findMany({ where: { tenantId }, select: { personId: true } })).toEqual([{ personId: one.id }, { personId: one.id }]);
    expect(await ctx.owner.person.findUnique({ where: { id: same.id } })).toBeNull();
    const snapshot = await ctx.owner.snapshot.findFirstOrThrow({ where: { tenantId } });
    expect(snapshot).toMatchObject({ cause: "merge", status: "queued" });
    expect(await ctx.waitingJobs("snapshot")).toContainEqual({ tenantId, snapshotId: snapshot.id });

    // Split off again: the record becomes a person of its own at the next snapshot.
    await unmergePerson({ db, jobs: ctx.jobs }, { personId: one.id, sourceSystemId: school.id, sourceKey: "S1" });
    expect(await ctx.owner.personSource.findFirstOrThrow({ where: { tenantId, externalId: "S1" } })).toMatchObject({ personId: null });
  });

  it("cannot merge across tenants: a person of another tenant is not found, and neither tenant changes", async () => {
    const a = await ctx.newTenant();
    const b = await ctx.newTenant();
    const personOfA = await seedPerson(ctx.owner, a.tenantId, (await seedSource(ctx.owner, a.tenantId)).id, "A1");
    const sourceOfB = await seedSource(ctx.owner, b.tenantId);
    const personOfB = await seedPerson(ctx.owner, b.tenantId, sourceOfB.id, "B1");
    const twoSourcesOfB = await seedPerson(ctx.owner, b.tenantId, sourceOfB.id, "B2");
    await ctx.owner.personSource.create({ data: { tenantId: b.tenantId, personId: twoSourcesOfB.id, sourceSystemId: sourceOfB.id, externalId: "B3", blockedReasons: [] } });

    for (const attempt of [
      () => mergePersons({ db: a.db, jobs: ctx.jobs }, { personId: personOfB.id, intoPersonId: personOfA.id }),
      () => mergePersons({ db: a.db, jobs: ctx.jobs }, { personId: personOfA.id, intoPersonId: personOfB.id }),
      () => unmergePerson({ db: a.db, jobs: ctx.jobs }, { personId: twoSourcesOfB.id, sourceSystemId: sourceOfB.id, sourceKey: "B3" }),
    ]) {
      expect(await refusal(attempt())).toMatchObject({ status: 404, code: "not_found" });
    }
    expect(await ctx.owner.person.count({ where: { id: { in: [personOfA.id, personOfB.id, twoSourcesOfB.id] } } })).toBe(3);
    expect(await ctx.owner.personSource.findMany({ where: { tenantId: b.tenantId }, orderBy: { externalId: "asc" }, select: { externalId: true, personId: true } })).toEqual([
      { externalId: "B1", personId: personOfB.id },
      { externalId: "B2", personId: twoSourcesOfB.id },
      { externalId: "B3", personId: twoSourcesOfB.id },
    ]);
    expect(await ctx.owner.snapshot.count({ where: { tenantId: { in: [a.tenantId, b.tenantId] } } })).toBe(0);
  });

  it("refuses to merge a person into themself", async () => {
    const { tenantId, db } = await ctx.newTenant();
    const person = await seedPerson(ctx.owner, tenantId, (await seedSource(ctx.owner, tenantId)).id, "E1");
    expect(await refusal(mergePersons({ db, jobs: ctx.jobs }, { personId: person.id, intoPersonId: person.id }))).toMatchObject({ status: 400, code: "same_person" });
  });
});
