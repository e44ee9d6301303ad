import { z } from "zod";
import { apiKeySchema, createApiKeyRequestSchema, createdApiKeySchema } from "../api-keys.ts";
import { idParamsSchema } from "../common.ts";
import { defineRoute, defineRoutes } from "./define-route.ts";

export const apiKeyRoutes = defineRoutes(["API keys"], {
  list: defineRoute({
    method: "GET", path: "/api-keys",
    summary: "This tenant's API keys (never their secrets)",
    response: z.array(apiKeySchema),
  }),
  create: defineRoute({
    method: "POST", path: "/api-keys",
    summary: "Create an API key; the secret is in this answer only. The key answers for its creator: it is revoked when they leave the tenant and narrowed to their new role's scopes (revoked if none fit) when they are demoted",
    body: createApiKeyRequestSchema,
    response: createdApiKeySchema,
  }),
  revoke: defineRoute({
    method: "DELETE", path: "/api-keys/:id",
    summary: "Revoke an API key; it is refused from the next request on",
    params: idParamsSchema,
    response: apiKeySchema,
  }),
});
