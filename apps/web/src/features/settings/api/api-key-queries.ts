import type { createApiKeyRequestSchema, createdApiKeySchema } from "@idlife/contracts";
import type { z } from "zod";
import { api } from "../../../lib/api/api.ts";
import { useApiMutation, useApiQuery } from "../../../lib/api/api-queries.ts";
import { apiKeyKeys } from "./api-key-keys.ts";

export type CreateApiKeyRequest = z.input<typeof createApiKeyRequestSchema>;
export type CreatedApiKey = z.output<typeof createdApiKeySchema>;

export function useApiKeysQuery(tenantId: string, options: { enabled?: boolean } = {}) {
  return useApiQuery(apiKeyKeys.list(tenantId), (call) => api.apiKeys.list(undefined, call), { enabled: options.enabled });
}

export function useCreateApiKeyMutation(tenantId: string) {
  return useApiMutation((request: CreateApiKeyRequest) => api.apiKeys.create({ body: request }, { tenantId }), { refresh: [apiKeyKeys.list(tenantId)] });
}

export function useRevokeApiKeyMutation(tenantId: string) {
  return useApiMutation((apiKeyId: string) => api.apiKeys.revoke({ params: { id: apiKeyId } }, { tenantId }), { refresh: [apiKeyKeys.list(tenantId)] });
}
