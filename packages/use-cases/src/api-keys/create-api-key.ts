import { z } from "zod";
import { createApiKeyRequestSchema } from "@idlife/contracts";
import { recordAudit } from "@idlife/db";
import { generateApiKey } from "../accounts/api-key-secrets.ts";
import { parseInput, type TenantScope } from "../tenant-scope.ts";
import { loadCreators, toApiKey } from "./api-key-view.ts";

/** Who creates the key: a person, another API key of the tenant, or the system (neither). */
const keyCreatorSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("user"), id: z.uuid() }),
  z.strictObject({ type: z.literal("api_key"), id: z.uuid() }),
  z.strictObject({ type: z.literal("system") }),
]);
const createApiKeyInput = createApiKeyRequestSchema.extend({ actor: keyCreatorSchema });

/** Creates an API key of the scope's tenant; its secret is in this outcome only, stored hashed. */
export async function createApiKey(deps: { db: TenantScope }, input: z.input<typeof createApiKeyInput>) {
  const { actor, ...body } = parseInput(createApiKeyInput, input);
  const { tenantId } = deps.db;
  const { key, prefix, secretHash } = generateApiKey();
  return deps.db.run(async (tx) => {
    // A key made with a key answers for the same person, so removing them revokes both.
    const creatorId = actor.type === "user" ? actor.id : actor.type === "api_key" ? ((await tx.apiKey.findFirst({ where: { id: actor.id, tenantId } }))?.createdById ?? null) : null;
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
