import { Controller, Inject } from "@nestjs/common";
import { z } from "zod";
import { currentContext } from "@idlife/db";
import { apiKeyRoutes, createApiKeyRequestSchema, idParamsSchema } from "@idlife/contracts";
import { createApiKey, listApiKeys, revokeApiKey } from "@idlife/use-cases";
import { Endpoint, tenantAccess } from "../../common/http/endpoint.decorator.ts";
import { ValidBody, ValidParams } from "../../common/http/validated.ts";
import { TenantDatabase } from "../../infrastructure/tenant-database.ts";

/** The caller as the creator of a key: a person, or a key that answers for its own creator. */
function keyCreator() {
  const actor = currentContext().actor;
  return actor?.type === "user" || actor?.type === "api_key" ? { type: actor.type, id: actor.id } : { type: "system" as const };
}

@Controller()
export class ApiKeysController {
  constructor(@Inject(TenantDatabase) private readonly db: TenantDatabase) {}

  @Endpoint({ route: apiKeyRoutes.list, access: tenantAccess("administer") })
  list() {
    return listApiKeys({ db: this.db.scope() });
  }

  @Endpoint({ route: apiKeyRoutes.create, access: tenantAccess("administer") })
  create(@ValidBody() body: z.infer<typeof createApiKeyRequestSchema>) {
    return createApiKey({ db: this.db.scope() }, { ...body, actor: keyCreator() });
  }

  @Endpoint({ route: apiKeyRoutes.revoke, access: tenantAccess("administer") })
  revoke(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    return revokeApiKey({ db: this.db.scope() }, { apiKeyId: params.id });
  }
}
