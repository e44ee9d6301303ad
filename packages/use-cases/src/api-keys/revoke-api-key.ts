import { z } from "zod";
import { recordAudit } from "@idlife/db";
import { parseInput, type TenantScope } from "../tenant-scope.ts";
import { notFound } from "../use-case-error.ts";
import { loadCreators, toApiKey } from "./api-key-view.ts";

const revokeApiKeyInput = z.strictObject({ apiKeyId: z.uuid() });

/** Revokes an API key of the scope's tenant; revoking a revoked key changes nothing. */
export async function revokeApiKey(deps: { db: TenantScope }, input: z.input<typeof revokeApiKeyInput>) {
  const { apiKeyId } = parseInput(revokeApiKeyInput, input);
  const { tenantId } = deps.db;
  return deps.db.run(async (tx) => {
    const row = await tx.apiKey.findFirst({ where: { id: apiKeyId, tenantId } });
    if (!row) throw notFound("API key");
    const creators = await loadCreators(tx, [row.createdById]);
    if (row.revokedAt) return toApiKey(row, creators);
    const revoked = await tx.apiKey.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, { action: "api_key.revoke", targetType: "api_key", targetId: row.id, before: { revokedAt: null }, after: { revokedAt: revoked.revokedAt } });
    return toApiKey(revoked, creators);
  });
}
