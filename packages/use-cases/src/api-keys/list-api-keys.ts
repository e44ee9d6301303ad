import type { ApiKey } from "@idlife/contracts";
import type { TenantScope } from "../tenant-scope.ts";
import { loadCreators, toApiKey } from "./api-key-view.ts";

/** The tenant's API keys, the newest first, revoked ones too, each with who created it. */
export function listApiKeys(deps: { db: TenantScope }): Promise<ApiKey[]> {
  const { tenantId } = deps.db;
  return deps.db.run(async (tx) => {
    const rows = await tx.apiKey.findMany({ where: { tenantId }, orderBy: { createdAt: "desc" } });
    const creators = await loadCreators(tx, rows.map((row) => row.createdById));
    return rows.map((row) => toApiKey(row, creators));
  });
}
