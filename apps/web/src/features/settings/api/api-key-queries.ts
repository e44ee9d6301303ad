import { apiKeySchema, createdApiKeySchema, type createApiKeyRequestSchema } from "@idlife/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { apiRequest, listOf } from "../../../lib/api/api-client.ts";
import { apiKeyKeys } from "./api-key-keys.ts";

export type CreateApiKeyRequest = z.input<typeof createApiKeyRequestSchema>;
export type CreatedApiKey = z.output<typeof createdApiKeySchema>;

export function useApiKeysQuery(tenantId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: apiKeyKeys.list(tenantId),
    queryFn: ({ signal }) => apiRequest("/api-keys", { tenantId, schema: listOf(apiKeySchema), signal }),
    enabled: options.enabled,
  });
}

export function useCreateApiKeyMutation(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateApiKeyRequest) =>
      apiRequest("/api-keys", { method: "POST", tenantId, body: request, schema: createdApiKeySchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.list(tenantId) }),
  });
}

export function useRevokeApiKeyMutation(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (apiKeyId: string) =>
      apiRequest(`/api-keys/${encodeURIComponent(apiKeyId)}`, { method: "DELETE", tenantId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.list(tenantId) }),
  });
}
