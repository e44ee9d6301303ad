// The tenant's retention setting: superseded raw versions and old person history are removed in
// batches; current versions, versions a blocked import still needs and each person's latest
// change stay; an import whose raw data went says so in its raw view.
import { describe, expect, it } from "vitest";
import type { Prisma } from "@idlife/db";
import { ApplyRetentionHandler } from "../src/handlers/apply-retention.handler.ts";
import { applyRetention } from "../src/imports/apply-retention.ts";
import { PRISMA } from "../src/tokens.ts";
import { useApiWithWorker } from "./support.ts";

const stack = useApiWithWorker();
// One moment for the whole file: rows of one change share their `at`.
const testStart = Date.now();
const daysAgo = (days: number) => new Date(testStart - days * 86_400_000);

async function arrangeTenant(retention?: { rawVersionDays: number; historyDays: number | null }) {
  const { client, tenantId } = await stack.api.createTenantWithMember("owner");
  if (retention) expect((await client.patch("/api/v1/tenant", { settings: { retention } })).status).toBe(200);
  const prisma = stack.api.ownerPrisma;
  const source = await prisma.sourceSystem.create({ data: { tenantId, name: "HR CSV", connectorType: "csv", settings: { layout: "two-files" } } });
  const importAt = async (rawSeq: number, status: "completed" | "blocked" | "failed", ageDays: number) =>
    (await prisma.import.create({ data: { tenantId, sourceSystemId: source.id, trigger: "manual", status, rawSeq: BigInt(rawSeq), createdAt: daysAgo(ageDays), finishedAt: status === "blocked" ? null : daysAgo(ageDays) } })).id;
  const version = async (importId: string, sourceKey: string, validFrom: number, validTo: number | null) =>
    (await prisma.rawRecord.create({ data: { tenantId, importId, sourceSystemId: source.id, kind: "person", sourceKey, data: { id: sourceKey, from: validFrom }, searchText: sourceKey, validFrom: BigInt(validFrom), validTo: validTo === null ? null : BigInt(validTo) } })).id;
  const person = async (externalId: string, changesDaysAgo: number[]) => {
    const { id } = await prisma.person.create({ data: { tenantId, externalId, displayName: externalId, status: "active", data: {}, searchText: externalId } });
    for (const age of changesDaysAgo) {
      await prisma.personHistory.create({ data: { tenantId, personId: id, field: "Name.FamilyName", kind: "changed", newValue: `at ${age}`, cause: "import", at: daysAgo(age) } });
    }
    return id;
  };
  return { client, tenantId, sourceId: source.id, importAt, version, person };
}

const rawVersionIds = async (tenantId: string) => (await stack.api.ownerPrisma.rawRecord.findMany({ where: { tenantId }, select: { id: true } })).map((row) => row.id).sort();
const historyAges = async (personId: string) =>
  (await stack.api.ownerPrisma.personHistory.findMany({ where: { personId }, orderBy: { id: "asc" }, select: { newValue: true } })).map((row) => row.newValue);

describe("the retention clean-up", () => {
  it("removes raw versions superseded before the retention and old history, keeps what is current or still needed, leaves other tenants alone", async () => {
    const tenant = await arrangeTenant({ rawVersionDays: 365, historyDays: 90 });
    const first = await tenant.importAt(10, "completed", 400);
    await tenant.importAt(20, "completed", 380);
    await tenant.importAt(30, "blocked", 370);
    const recent = await tenant.importAt(40, "completed", 10);
    const removable = [await tenant.version(first, "1", 10, 20), await tenant.version(first, "2", 10, 30), await tenant.version(first, "4", 20, 30)];
    const kept = [
      await tenant.version(first, "1", 20, null), // current
      await tenant.version(first, "2", 30, 40), // the blocked import (raw_seq 30) still reads it
      await tenant.version(recent, "2", 40, null), // current
      await tenant.version(first, "3", 10, 40), // superseded only 10 days ago
    ];
    const often = await tenant.person("often", [200, 100, 10]);
    const quiet = await tenant.person("quiet", [300, 300]);
    const twice = await tenant.person("twice", [300, 200]);

    const other = await arrangeTenant();
    const otherFirst = await other.importAt(10, "completed", 500);
    await other.importAt(20, "completed", 100);
    await other.version(otherFirst, "1", 10, 20);
    await other.version(otherFirst, "1", 20, null);
    const otherPerson = await other.person("other", [1000, 500]);
    const otherVersionsBefore = await rawVersionIds(other.tenantId);

    // Batches of two rows: several statements, the same outcome.
    const result = await applyRetention({ prisma: stack.worker.get<Prisma>(PRISMA), batchSize: 2 });
    expect(result).toEqual({ removedRawVersions: 3, removedHistoryRows: 3, failedTenants: [] });
    expect(await rawVersionIds(tenant.tenantId)).toEqual(kept.sort());
    expect(removable.every((id) => !kept.includes(id))).toBe(true);
    expect(await historyAges(often)).toEqual(["at 10"]);
    expect(await historyAges(quiet)).toEqual(["at 300", "at 300"]);
    expect(await historyAges(twice)).toEqual(["at 200"]);

    // Default retention there: raw versions superseded 100 days ago stay, history is kept forever.
    expect(await rawVersionIds(other.tenantId)).toEqual(otherVersionsBefore);
    expect(await historyAges(otherPerson)).toEqual(["at 1000", "at 500"]);

    // Safe to run twice: nothing more to remove.
    expect(await stack.worker.get(ApplyRetentionHandler).handle({ trigger: "manual" })).toMatchObject({ removedRawVersions: 0, removedHistoryRows: 0 });

    // The old import's raw view says why it is empty; the recent one still shows its data.
    const removedView = await tenant.client.get(`/api/v1/source-systems/${tenant.sourceId}/raw-records?importId=${first}`);
    expect(removedView.status).toBe(410);
    expect(removedView.body.error).toMatchObject({ code: "raw_data_removed", details: { rawVersionDays: 365 } });
    expect(removedView.body.error.message).toContain("was removed after 365 days (retention)");
    const recentView = await tenant.client.get(`/api/v1/source-systems/${tenant.sourceId}/raw-records?importId=${recent}`);
    expect(recentView.status).toBe(200);
    expect(recentView.body.items.map((item: { sourceKey: string }) => item.sourceKey)).toEqual(["1", "2"]);
  });

  it("keeps the raw data of a source's latest completed import however old, when later imports failed", async () => {
    const tenant = await arrangeTenant({ rawVersionDays: 365, historyDays: null });
    const applied = await tenant.importAt(100, "completed", 500);
    await tenant.importAt(110, "failed", 450);
    await tenant.importAt(120, "failed", 400);
    const versions = [await tenant.version(applied, "a", 100, 110), await tenant.version(applied, "a", 110, 120), await tenant.version(applied, "a", 120, null)];

    // A mapping change re-maps from the latest completed import: its version of "a" stays.
    const result = await applyRetention({ prisma: stack.worker.get<Prisma>(PRISMA) });
    expect(result.failedTenants).toEqual([]);
    expect(await rawVersionIds(tenant.tenantId)).toEqual(versions.sort());
    const view = await tenant.client.get(`/api/v1/source-systems/${tenant.sourceId}/raw-records?importId=${applied}`);
    expect(view.status).toBe(200);
    expect(view.body.items).toEqual([expect.objectContaining({ sourceKey: "a", data: { id: "a", from: 100 } })]);
  });
});
