import { z } from "zod";
import { uploadRoleSchema } from "@idlife/contracts";
import { recordAudit, type TransactionClient } from "@idlife/db";
import { parseInput, type TenantScope } from "../tenant-scope.ts";
import { badRequest } from "../use-case-error.ts";
import { findSourceSystem } from "./source-system-deps.ts";
import { assertUploadQuota } from "./upload-quota.ts";

export const storeUploadInput = z.strictObject({
  sourceSystemId: z.uuid(),
  role: uploadRoleSchema,
  fileName: z.string().max(200),
  content: z.custom<Uint8Array>((value) => value instanceof Uint8Array, "the file content as bytes"),
});

/** The CSV source system an upload is for; any other kind takes no files. */
export async function findCsvSource(tx: TransactionClient, tenantId: string, sourceSystemId: string) {
  const row = await findSourceSystem(tx, tenantId, sourceSystemId);
  if (row.connectorType !== "csv") throw badRequest("not_a_csv_source", "Only CSV source systems take uploads.");
  return row;
}

/** Stores a file uploaded for a CSV source system, within the tenant's upload quota. */
export async function storeUpload(deps: { db: TenantScope; quotaBytes: number }, input: z.input<typeof storeUploadInput>) {
  const { sourceSystemId, role, fileName, content } = parseInput(storeUploadInput, input);
  if (content.length === 0) throw badRequest("empty_upload", "Send the file as the request body (for example: curl -T persons.csv ...).");
  const { tenantId } = deps.db;
  return deps.db.run(async (tx) => {
    const row = await findCsvSource(tx, tenantId, sourceSystemId);
    await assertUploadQuota(tx, tenantId, content.length, deps.quotaBytes);
    const upload = await tx.sourceUpload.create({ data: { tenantId, sourceSystemId: row.id, role, fileName, sizeBytes: content.length, content: new Uint8Array(content) } });
    await recordAudit(tx, { tenantId, action: "source_system.upload", targetType: "source_system", targetId: row.id, after: { role, fileName, sizeBytes: content.length } });
    return { id: upload.id, role, fileName, sizeBytes: upload.sizeBytes, createdAt: upload.createdAt.toISOString() };
  });
}
