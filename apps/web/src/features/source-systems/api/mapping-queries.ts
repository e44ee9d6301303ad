import { mappingPreviewRoutes, type mappingPreviewResponseSchema, type MappingDefinition } from "@idlife/contracts";
import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "../../../lib/api/api.ts";
import { useApiQuery } from "../../../lib/api/api-queries.ts";
import { sourceSystemKeys, type SourceFieldRole } from "./source-system-keys.ts";

export type MappingPreview = z.output<typeof mappingPreviewResponseSchema>;
export type ScriptCheck = z.output<typeof mappingPreviewRoutes.check.response>;

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
      api.mappingPreview.preview({ params: { id: sourceSystemId }, body: request }, { tenantId }),
  });
}

/** Column names (CSV header of the latest upload) or paths seen in the raw data, to pick source fields from. */
export function useSourceFieldsQuery(tenantId: string, sourceSystemId: string, role: SourceFieldRole) {
  return useApiQuery(sourceSystemKeys.sourceFields(tenantId, sourceSystemId, role), (call) => api.mappingPreview.sourceFields({ params: { id: sourceSystemId }, query: { role } }, call));
}

export function useCheckScriptMutation(tenantId: string) {
  return useMutation({
    mutationFn: (script: string) =>
      api.mappingPreview.check({ body: { script } }, { tenantId }),
  });
}
