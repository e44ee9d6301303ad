import { withTenant, type Prisma, type TenantId } from "@idlife/db";
import type { StoredPush } from "@idlife/use-cases";
import { storeRawData, type StoredRawData } from "./raw-data.ts";

export interface PushedRawData extends StoredRawData {
  /** Keys of the persons the push says the source no longer delivers. */
  removedKeys: Set<string>;
}

/**
 * Stores what a push delivered (the records the API kept for this run) as new raw versions of
 * those persons only, and closes the versions of the removed ones. Repeating it (a restart, an
 * approval) stores nothing new.
 */
export async function storePushedRawData(prisma: Prisma, tenantId: TenantId, run: { id: string; sourceSystemId: string; uploadIds: readonly string[] }): Promise<PushedRawData> {
  const uploads = await withTenant(prisma, tenantId, (tx) => tx.sourceUpload.findMany({ where: { tenantId, id: { in: [...run.uploadIds] } }, select: { content: true } }));
  if (uploads.length === 0) throw new Error("The pushed records of this run are gone (removed by the upload clean-up); push them again.");
  const push = JSON.parse(new TextDecoder().decode(uploads[0]!.content)) as StoredPush;
  const personKeys = [...push.persons.map((entry) => entry.sourceKey), ...push.removed];
  const stored = await storeRawData(prisma, tenantId, run.id, run.sourceSystemId, { persons: push.persons, departments: [], warnings: [] }, { personKeys });
  return { ...stored, removedKeys: new Set(push.removed) };
}
