import { randomUUID } from "node:crypto";
import { z } from "zod";
import { pushRecordsRequestSchema } from "@idlife/contracts";
import { sourceKeyOf, sourceKeyPaths } from "@idlife/connectors";
import { recordAudit } from "@idlife/db";
import type { JobProducer } from "@idlife/jobs";
import { parseInput, type TenantScope } from "../tenant-scope.ts";
import { badRequest, conflict } from "../use-case-error.ts";
import { findSourceSystem } from "../source-systems/source-system-deps.ts";
import { pushSettingsOf } from "../source-systems/push-settings.ts";
import { assertUploadQuota } from "../source-systems/upload-quota.ts";
import { enqueueImport } from "./import-lock.ts";

/** The role under which a push's records wait for the worker (source_uploads, removed by the upload retention). */
export const PUSH_UPLOAD_ROLE = "push";

export const pushSourceRecordsInput = z.strictObject({
  sourceSystemId: z.uuid(),
  requestedBy: z.string().min(1).max(1000),
  body: pushRecordsRequestSchema,
});

export interface PushSourceRecordsDeps {
  db: TenantScope;
  jobs: JobProducer;
  /** The tenant's upload quota (UPLOAD_QUOTA_BYTES_PER_TENANT): pushed records wait among the uploads. */
  quotaBytes: number;
}

/** What the worker reads back: the records keyed as the source keys them, and the removed keys. */
export interface StoredPush {
  persons: Array<{ sourceKey: string; record: Record<string, unknown> }>;
  removed: string[];
}

/**
 * Accepts persons pushed to a source system and runs them through the import pipeline as an
 * import with trigger "push" (stored raw, mapped, thresholds, an incremental snapshot of those
 * persons only). Pushes do not wait for, or hold up, the source's imports. Everything is checked
 * before anything is stored: a refused push stores nothing.
 */
export async function pushSourceRecords(deps: PushSourceRecordsDeps, rawInput: z.input<typeof pushSourceRecordsInput>) {
  const { sourceSystemId, requestedBy, body } = parseInput(pushSourceRecordsInput, rawInput);
  const { tenantId } = deps.db;
  const importId = randomUUID();
  const created = await deps.db.run(async (tx) => {
    const source = await findSourceSystem(tx, tenantId, sourceSystemId);
    if (!pushSettingsOf(source.settings).enabled) {
      throw conflict("push_disabled", `The source system '${source.name}' does not take pushed records; set settings.push.enabled to true on it first (PATCH /source-systems/{id}).`);
    }
    if (!source.enabled) throw conflict("source_disabled", "This source system is disabled; enable it first.");
    const stored = keyPushedRecords(body, sourceKeyPaths(source.settings, source.mapping).person);
    const content = new TextEncoder().encode(JSON.stringify(stored));
    await assertUploadQuota(tx, tenantId, content.length, deps.quotaBytes);
    const upload = await tx.sourceUpload.create({ data: { tenantId, sourceSystemId: source.id, role: PUSH_UPLOAD_ROLE, fileName: "push.json", sizeBytes: content.length, content } });
    const run = await tx.import.create({ data: { id: importId, tenantId, sourceSystemId: source.id, trigger: "push", requestedBy, uploadIds: [upload.id] } });
    // Counts and keys only: pushed values are personal data and stay out of the audit log.
    await recordAudit(tx, { tenantId, action: "import.push", targetType: "import", targetId: importId, after: { sourceSystem: source.name, records: stored.persons.length, removed: stored.removed.length } });
    return run;
  });
  await enqueueImport(deps.jobs, tenantId, importId);
  return created;
}

/** Each record's key, found where the source's imports find it; a record without one, or a key given twice, is refused. */
function keyPushedRecords(body: z.output<typeof pushRecordsRequestSchema>, keyPath: string): StoredPush {
  const seen = new Set<string>();
  const persons = body.records.map((record, index) => {
    const sourceKey = sourceKeyOf(record, keyPath);
    if (sourceKey === undefined) {
      throw badRequest("record_without_key", `records.${index} has no value at '${keyPath}', the field this source system identifies persons by; add it.`, { index, keyPath });
    }
    if (seen.has(sourceKey)) throw badRequest("duplicate_key", `records.${index} has the key '${sourceKey}' of an earlier record in this push; send each person once.`, { index, key: sourceKey });
    seen.add(sourceKey);
    return { sourceKey, record };
  });
  const removed = new Set<string>();
  for (const key of body.removed) {
    if (seen.has(key)) throw badRequest("duplicate_key", `'${key}' is both pushed in records and listed in removed; send it in one of the two.`, { key });
    removed.add(key);
  }
  return { persons, removed: [...removed] };
}
