import { tenantSettingsSchema } from "@idlife/contracts";
import type { TransactionClient } from "@idlife/db";
import { ApiError } from "../../common/http/api-error.ts";

/**
 * An import whose raw data the retention clean-up removed answers 410 with the reason, instead
 * of an empty (or half) page the administrator would take for an import that delivered nothing.
 */
export async function refuseRemovedRawData(tx: TransactionClient, tenantId: string, run: { id: string; rawRemovedAt: Date | null }) {
  if (!run.rawRemovedAt) return;
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { settings: true } });
  const days = tenantSettingsSchema.shape.retention.parse((tenant.settings as { retention?: unknown } | null)?.retention).rawVersionDays;
  throw new ApiError(
    410,
    "raw_data_removed",
    `The raw data of this import was removed after ${days} days (retention). Import the source again to see its current data, or keep raw data longer in the tenant settings (Retention).`,
    { importId: run.id, removedAt: run.rawRemovedAt.toISOString(), rawVersionDays: days },
  );
}
