import { Controller, Inject } from "@nestjs/common";
import { z } from "zod";
import { currentContext, recordAudit, requireTenantId } from "@idlife/db";
import type { ApiKeyScope } from "@idlife/core";
import { apiKeySchema, createApiKeyRequestSchema, createdApiKeySchema, idParamsSchema } from "@idlife/contracts";
import { notFound } from "../../common/http/api-error.ts";
import { Endpoint, tenantAccess } from "../../common/http/endpoint.decorator.ts";
import { ValidBody, ValidParams } from "../../common/http/validated.ts";
import { TenantDatabase } from "../../infrastructure/tenant-database.ts";
import { generateApiKey } from "../auth/api-key-secrets.ts";

const tags = ["API keys"];

type ApiKeyRow = { id: string; name: string; prefix: string; scopes: string[]; createdAt: Date; lastUsedAt: Date | null; expiresAt: Date | null; revokedAt: Date | null };
const toApiKey = (row: ApiKeyRow) => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  scopes: row.scopes as ApiKeyScope[],
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  expiresAt: row.expiresAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

@Controller("api-keys")
export class ApiKeysController {
  constructor(@Inject(TenantDatabase) private readonly db: TenantDatabase) {}

  @Endpoint({ method: "GET", path: "", access: tenantAccess("administer"), summary: "This tenant's API keys (never their secrets)", tags, response: z.array(apiKeySchema) })
  list() {
    const tenantId = requireTenantId();
    return this.db.run(async (tx) => (await tx.apiKey.findMany({ where: { tenantId }, orderBy: { createdAt: "desc" } })).map(toApiKey));
  }

  @Endpoint({ method: "POST", path: "", access: tenantAccess("administer"), summary: "Create an API key; the secret is in this answer only", tags, body: createApiKeyRequestSchema, response: createdApiKeySchema })
  create(@ValidBody() body: z.infer<typeof createApiKeyRequestSchema>) {
    const tenantId = requireTenantId();
    const actor = currentContext().actor;
    const { key, prefix, secretHash } = generateApiKey();
    return this.db.run(async (tx) => {
      const row = await tx.apiKey.create({
        data: {
          tenantId,
          name: body.name,
          prefix,
          secretHash,
          scopes: [...new Set(body.scopes)],
          createdById: actor?.type === "user" ? actor.id : null,
          expiresAt: body.expiresAt ? new Date(body.expiresAt) : null,
        },
      });
      await recordAudit(tx, { action: "api_key.create", targetType: "api_key", targetId: row.id, after: { name: row.name, prefix, scopes: row.scopes } });
      return { ...toApiKey(row), secret: key };
    });
  }

  @Endpoint({ method: "DELETE", path: ":id", access: tenantAccess("administer"), summary: "Revoke an API key; it is refused from the next request on", tags, params: idParamsSchema, response: apiKeySchema })
  revoke(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    const tenantId = requireTenantId();
    return this.db.run(async (tx) => {
      const row = await tx.apiKey.findFirst({ where: { id: params.id, tenantId } });
      if (!row) throw notFound("API key");
      if (row.revokedAt) return toApiKey(row);
      const revoked = await tx.apiKey.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
      await recordAudit(tx, { action: "api_key.revoke", targetType: "api_key", targetId: row.id, before: { revokedAt: null }, after: { revokedAt: revoked.revokedAt } });
      return toApiKey(revoked);
    });
  }
}
