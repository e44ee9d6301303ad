import { describe, expect, it } from "vitest";
import { CleanupOldUploadsHandler } from "../src/handlers/cleanup-old-uploads.handler.ts";
import { useApiWithWorker } from "./support.ts";

const stack = useApiWithWorker({ UPLOAD_RETENTION_HOURS: "24" });
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000);

async function arrangeSource() {
  const { tenantId } = await stack.api.createTenantWithMember("owner");
  const prisma = stack.api.ownerPrisma;
  const source = await prisma.sourceSystem.create({ data: { tenantId, name: "HR CSV", connectorType: "csv", settings: { layout: "two-files" } } });
  const upload = async (role: string, ageHours: number) =>
    (await prisma.sourceUpload.create({ data: { tenantId, sourceSystemId: source.id, role, fileName: `${role}.csv`, sizeBytes: 3, content: new Uint8Array([65, 66, 67]), createdAt: hoursAgo(ageHours) } })).id;
  const importOf = (uploadIds: string[], status: "completed" | "failed" | "blocked", finishedHoursAgo: number | null) =>
    prisma.import.create({ data: { tenantId, sourceSystemId: source.id, trigger: "manual", status, uploadIds, finishedAt: finishedHoursAgo === null ? null : hoursAgo(finishedHoursAgo) } });
  return { tenantId, upload, importOf };
}

const remainingUploads = async (tenantId: string) =>
  (await stack.api.ownerPrisma.sourceUpload.findMany({ where: { tenantId }, select: { id: true } })).map((row) => row.id).sort();

describe("uploads past their retention", () => {
  it("are removed once unused or imported long enough ago; the latest of each file and those still needed stay", async () => {
    const { tenantId, upload, importOf } = await arrangeSource();
    const importedLongAgo = await upload("persons", 240);
    await importOf([importedLongAgo], "completed", 239);
    const neverImported = await upload("persons", 120);
    const waitingForApproval = await upload("persons", 72);
    await importOf([waitingForApproval], "blocked", null);
    const failedRecently = await upload("persons", 48);
    await importOf([failedRecently], "failed", 1);
    const importedYesterday = await upload("persons", 30);
    await importOf([importedYesterday], "completed", 29);
    const latestPersons = await upload("persons", 2);
    // The only (so the latest) contracts file, however old and long imported: the next import needs it.
    const latestContracts = await upload("contracts", 500);
    await importOf([importedYesterday, latestContracts], "completed", 499);

    const other = await arrangeSource();
    await other.upload("persons", 100);
    const otherLatest = await other.upload("persons", 50);

    const result = await stack.worker.get(CleanupOldUploadsHandler).handle({ trigger: "manual" });
    expect(result).toMatchObject({ deletedUploads: 4, freedBytes: 12, failedTenants: [] });
    expect(await remainingUploads(tenantId)).toEqual([waitingForApproval, failedRecently, latestPersons, latestContracts].sort());
    expect(await remainingUploads(other.tenantId)).toEqual([otherLatest]);

    // Safe to run twice: nothing more to remove.
    expect(await stack.worker.get(CleanupOldUploadsHandler).handle({ trigger: "manual" })).toMatchObject({ deletedUploads: 0 });
  });
});
