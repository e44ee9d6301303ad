// startImport is the one way an import starts: "Import now" in the API and a schedule tick in the
// worker. Both take the source's lock and see each other's imports.
import { describe, expect, it } from "vitest";
import { approveImport, startImport, UseCaseError } from "../src/index.ts";
import { seedSource, useUseCaseTest } from "./support.ts";

const ctx = useUseCaseTest();

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail("expected a refusal"),
    (error: unknown) => {
      expect(error).toBeInstanceOf(UseCaseError);
      const { status, code, message } = error as UseCaseError;
      return { status, code, message };
    },
  );

describe("startImport", () => {
  it("starts one import by hand, queues it, and refuses a second while the first is queued", async () => {
    const { tenantId, db } = await ctx.newTenant();
    const source = await seedSource(ctx.owner, tenantId);
    const first = await startImport({ db, jobs: ctx.jobs }, { trigger: "manual", sourceSystemId: source.id, requestedBy: "ada@example.org" });
    expect(first).toMatchObject({ status: "started", import: { status: "queued", trigger: "manual", requestedBy: "ada@example.org" } });
    expect(await ctx.waitingJobs("import")).toContainEqual({ tenantId, importId: first.importId });

    const second = await refusal(startImport({ db, jobs: ctx.jobs }, { trigger: "manual", sourceSystemId: source.id, requestedBy: "ada@example.org" }));
    expect(second).toMatchObject({ status: 409, code: "import_running" });
    expect(second.message).toContain(first.importId);
    expect(await ctx.owner.import.count({ where: { tenantId, sourceSystemId: source.id } })).toBe(1);
  });

  it("lets a schedule tick skip, not fail, while an import started by hand runs; and the other way round", async () => {
    const { tenantId, db } = await ctx.newTenant();
    const source = await seedSource(ctx.owner, tenantId, { schedule: { cron: "0 6 * * *" } });
    const manual = await startImport({ db, jobs: ctx.jobs }, { trigger: "manual", sourceSystemId: source.id, requestedBy: "ada@example.org" });
    const occurrence = new Date("2026-12-04T06:00:00Z");
    const tick = { trigger: "schedule" as const, sourceSystemId: source.id, occurrence, due: occurrence, now: new Date() };
    const skipped = await startImport({ db, jobs: ctx.jobs }, tick);
    expect(skipped).toEqual({ status: "skipped", reason: expect.stringContaining(`already queued (${manual.importId})`) });

    await ctx.owner.import.update({ where: { id: manual.importId }, data: { status: "completed" } });
    const scheduled = await startImport({ db, jobs: ctx.jobs }, tick);
    expect(scheduled).toMatchObject({ status: "started", import: { trigger: "schedule", requestedBy: "schedule" } });
    // The same occurrence again (a second worker's tick) finds it started instead of importing twice.
    expect(await startImport({ db, jobs: ctx.jobs }, tick)).toEqual({ status: "already-started", importId: scheduled.status === "started" ? scheduled.importId : "" });
    expect(await refusal(startImport({ db, jobs: ctx.jobs }, { trigger: "manual", sourceSystemId: source.id, requestedBy: "ada@example.org" }))).toMatchObject({ status: 409, code: "import_running" });
  });

  it("cannot start or approve an import of another tenant's source: it is not found there, and nothing is created", async () => {
    const a = await ctx.newTenant();
    const b = await ctx.newTenant();
    const sourceOfB = await seedSource(ctx.owner, b.tenantId);
    const blockedOfB = await ctx.owner.import.create({ data: { tenantId: b.tenantId, sourceSystemId: sourceOfB.id, trigger: "manual", status: "blocked" } });
    expect(await refusal(startImport({ db: a.db, jobs: ctx.jobs }, { trigger: "manual", sourceSystemId: sourceOfB.id, requestedBy: "mallory" }))).toMatchObject({ status: 404, code: "not_found" });
    expect(await refusal(approveImport({ db: a.db, jobs: ctx.jobs }, { importId: blockedOfB.id, approvedBy: "mallory" }))).toMatchObject({ status: 404, code: "not_found" });
    expect(await ctx.owner.import.findMany({ where: { sourceSystemId: sourceOfB.id } })).toEqual([expect.objectContaining({ id: blockedOfB.id, status: "blocked", approvedAt: null })]);
  });

  it("refuses bad input with the field named and changes nothing", async () => {
    const { tenantId, db } = await ctx.newTenant();
    const input = { trigger: "manual", sourceSystemId: "not-a-uuid", requestedBy: "ada@example.org" } as const;
    expect(await refusal(startImport({ db, jobs: ctx.jobs }, input))).toMatchObject({ status: 400, code: "invalid_input", message: expect.stringContaining("sourceSystemId") });
    expect(await ctx.owner.import.count({ where: { tenantId } })).toBe(0);
  });
});
