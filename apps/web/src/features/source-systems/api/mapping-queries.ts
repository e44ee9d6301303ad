import type { MappingDefinition } from "@idlife/contracts";
import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import { apiRequest } from "../../../lib/api/api-client.ts";
import { checkScriptResponseSchema, previewResponseSchema } from "./missing-contracts.ts";

export type MappingPreview = z.output<typeof previewResponseSchema>;
export type ScriptCheck = z.output<typeof checkScriptResponseSchema>;

/** Maps chosen raw records with a mapping that need not be saved; changes nothing. */
export function useMappingPreviewMutation(tenantId: string, sourceSystemId: string) {
  return useMutation({
    mutationFn: (request: { mapping: MappingDefinition; sourceKeys?: string[] }) =>
      apiRequest(`/source-systems/${encodeURIComponent(sourceSystemId)}/mapping/preview`, {
        method: "POST",
        tenantId,
        body: request,
        schema: previewResponseSchema,
      }),
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
