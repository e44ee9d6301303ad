import { createHash } from "node:crypto";

// Fixed namespace of scheduled import ids (UUID version 5). Never change it: ids of imports already
// started would no longer match, and an occurrence could be started a second time.
const SCHEDULED_IMPORT_NAMESPACE = Buffer.from("30e045fa433a4c5fb2042627bb6f2d36", "hex");

/**
 * The id of the import a schedule starts for one cron occurrence of one source. Every worker
 * computes the same id, so a second start of the same occurrence collides with the first instead
 * of importing twice; the job id `import-<id>` follows from it.
 */
export function scheduledImportId(sourceSystemId: string, occurrence: Date): string {
  const hash = createHash("sha1").update(SCHEDULED_IMPORT_NAMESPACE).update(`${sourceSystemId}@${occurrence.toISOString()}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
