import { mappingPreviewResponseSchema, sourceFieldsResponseSchema, type MappingDefinition } from "@idlife/contracts";
import { useMutation, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiRequest } from "../../../lib/api/api-client.ts";
import { checkScriptResponseSchema } from "./missing-contracts.ts";
import { sourceSystemKeys, type SourceFieldRole } from "./source-system-keys.ts";

export type MappingPreview = z.output<typeof mappingPreviewResponseSchema>;
export type ScriptCheck = z.output<typeof checkScriptResponseSchema>;

export interface MappingPreviewRequest {
  mapping: MappingDefinition;
  /** "upload": the latest uploaded files, read now (before the first import); default the latest import. */
  from?: "import" | "upload";
  sourceKeys?: string[];
}

/** Maps chosen raw records with a mapping that need not be saved; changes nothing. */
export function useMappingPreviewMutation(tenantId: string, sourceSystemId: string) {
  return useMutation({
    mutationFn: (request: MappingPreviewRequest) =>
      apiRequest(`/source-systems/${encodeURIComponent(sourceSystemId)}/mapping/preview`, {
        method: "POST",
        tenantId,
        body: request,
        schema: mappingPreviewResponseSchema,
      }),
  });
}

/** Column names (CSV header of the latest upload) or paths seen in the raw data, to pick source fields from. */
export function useSourceFieldsQuery(tenantId: string, sourceSystemId: string, role: SourceFieldRole) {
  return useQuery({
    queryKey: sourceSystemKeys.sourceFields(tenantId, sourceSystemId, role),
    queryFn: ({ signal }) =>
      apiRequest(`/source-systems/${encodeURIComponent(sourceSystemId)}/source-fields?role=${role}`, { tenantId, schema: sourceFieldsResponseSchema, signal }),
  });
}

export function useCheckScriptMutation(tenantId: string) {
  return useMutation({
    mutationFn: (script: string) =>
      apiRequest("/source-systems/mapping/check-script", {
        method: "POST",
        tenantId,
        body: { script },
        schema: checkScriptResponseSchema,
      }),
  });
}
