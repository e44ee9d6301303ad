import type { createApiKeyRequestSchema, createdApiKeySchema } from "@idlife/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "../../../lib/api/api.ts";
import { apiKeyKeys } from "./api-key-keys.ts";

export type CreateApiKeyRequest = z.input<typeof createApiKeyRequestSchema>;
export type CreatedApiKey = z.output<typeof createdApiKeySchema>;

export function useApiKeysQuery(tenantId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: apiKeyKeys.list(tenantId),
    queryFn: ({ signal }) => api.apiKeys.list(undefined, { tenantId, signal }),
    enabled: options.enabled,
  });
}

export function useCreateApiKeyMutation(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateApiKeyRequest) =>
      api.apiKeys.create({ body: request }, { tenantId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.list(tenantId) }),
  });
}

export function useRevokeApiKeyMutation(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (apiKeyId: string) =>
      api.apiKeys.revoke({ params: { id: apiKeyId } }, { tenantId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.list(tenantId) }),
  });
}
