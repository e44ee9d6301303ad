import { z } from "zod";
import { apiKeySchema, createApiKeyRequestSchema, createdApiKeySchema } from "../api-keys.ts";
import { defineRoutes, route } from "./define-route.ts";

export const apiKeyRoutes = defineRoutes(["API keys"], {
  list: route.get("/api-keys", "This tenant's API keys (never their secrets)", { response: z.array(apiKeySchema) }),
  create: route.post("/api-keys", "Create an API key; the secret is in this answer only. The key answers for its creator: it is revoked when they leave the tenant and narrowed to their new role's scopes (revoked if none fit) when they are demoted", { body: createApiKeyRequestSchema, response: createdApiKeySchema }),
  revoke: route.delete("/api-keys/:id", "Revoke an API key; it is refused from the next request on", { response: apiKeySchema }),
});
