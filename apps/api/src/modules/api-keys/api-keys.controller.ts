import { Controller, Inject } from "@nestjs/common";
import { z } from "zod";
import { currentContext, recordAudit, requireTenantId, type TransactionClient } from "@idlife/db";
import type { ApiKeyScope } from "@idlife/core";
import { apiKeyRoutes, createApiKeyRequestSchema, idParamsSchema } from "@idlife/contracts";
import { notFound } from "../../common/http/api-error.ts";
import { Endpoint, tenantAccess } from "../../common/http/endpoint.decorator.ts";
import { ValidBody, ValidParams } from "../../common/http/validated.ts";
import { TenantDatabase } from "../../infrastructure/tenant-database.ts";
import { generateApiKey } from "../auth/api-key-secrets.ts";

type ApiKeyRow = { id: string; name: string; prefix: string; scopes: string[]; createdById: string | null; createdAt: Date; lastUsedAt: Date | null; expiresAt: Date | null; revokedAt: Date | null };
type Creator = { id: string; email: string; displayName: string };
const toApiKey = (row: ApiKeyRow, creators: ReadonlyMap<string, Creator>) => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  scopes: row.scopes as ApiKeyScope[],
  createdBy: (row.createdById && creators.get(row.createdById)) || null,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  expiresAt: row.expiresAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

/** Creators are people (users are not tenant data): looked up by id, whether or not still members. */
async function loadCreators(tx: TransactionClient, ids: Array<string | null>): Promise<Map<string, Creator>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const users = await tx.user.findMany({ where: { id: { in: wanted } }, select: { id: true, email: true, displayName: true } });
  return new Map(users.map((user) => [user.id, user]));
}

@Controller()
export class ApiKeysController {
  constructor(@Inject(TenantDatabase) private readonly db: TenantDatabase) {}

  @Endpoint({ route: apiKeyRoutes.list, access: tenantAccess("administer") })
  list() {
    const tenantId = requireTenantId();
    return this.db.run(async (tx) => {
      const rows = await tx.apiKey.findMany({ where: { tenantId }, orderBy: { createdAt: "desc" } });
      const creators = await loadCreators(tx, rows.map((row) => row.createdById));
      return rows.map((row) => toApiKey(row, creators));
    });
  }

  @Endpoint({ route: apiKeyRoutes.create, access: tenantAccess("administer") })
  create(@ValidBody() body: z.infer<typeof createApiKeyRequestSchema>) {
    const tenantId = requireTenantId();
    const actor = currentContext().actor;
    const { key, prefix, secretHash } = generateApiKey();
    return this.db.run(async (tx) => {
      // A key made with a key answers for the same person, so removing them revokes both.
      const creatorId = actor?.type === "user" ? actor.id : actor?.type === "api_key" ? ((await tx.apiKey.findFirst({ where: { id: actor.id, tenantId } }))?.createdById ?? null) : null;
      const row = await tx.apiKey.create({
        data: {
          tenantId,
          name: body.name,
          prefix,
          secretHash,
          scopes: [...new Set(body.scopes)],
          createdById: creatorId,
          expiresAt: body.expiresAt ? new Date(body.expiresAt) : null,
        },
      });
      await recordAudit(tx, { action: "api_key.create", targetType: "api_key", targetId: row.id, after: { name: row.name, prefix, scopes: row.scopes } });
      return { ...toApiKey(row, await loadCreators(tx, [creatorId])), secret: key };
    });
  }

  @Endpoint({ route: apiKeyRoutes.revoke, access: tenantAccess("administer") })
  revoke(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    const tenantId = requireTenantId();
    return this.db.run(async (tx) => {
      const row = await tx.apiKey.findFirst({ where: { id: params.id, tenantId } });
      if (!row) throw notFound("API key");
      const creators = await loadCreators(tx, [row.createdById]);
      if (row.revokedAt) return toApiKey(row, creators);
      const revoked = await tx.apiKey.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
      await recordAudit(tx, { action: "api_key.revoke", targetType: "api_key", targetId: row.id, before: { revokedAt: null }, after: { revokedAt: revoked.revokedAt } });
      return toApiKey(revoked, creators);
    });
  }
}
