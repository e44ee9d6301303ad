import { sourceSystemRoutes, type Import, type uploadRoleSchema } from "@idlife/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import type { z } from "zod";
import { api } from "../../../lib/api/api.ts";
import { useApiMutation, useApiQuery } from "../../../lib/api/api-queries.ts";
import { uploadFile } from "../../../lib/api/api-files.ts";
import { personKeys } from "../../persons/api/person-keys.ts";
import { importKeys, sourceSystemKeys } from "./source-system-keys.ts";

export type UploadRole = z.output<typeof uploadRoleSchema>;
export type UploadedFile = z.output<typeof sourceSystemRoutes.upload.response>;

export const IMPORT_LIST_LIMIT = 20;
const POLL_INTERVAL_MS = 1_000;

export function isImportActive(run: Pick<Import, "status">): boolean {
  return run.status === "queued" || run.status === "running";
}

export function useImportsQuery(tenantId: string, sourceSystemId: string, limit = IMPORT_LIST_LIMIT) {
  return useApiQuery(sourceSystemKeys.imports(tenantId, sourceSystemId, limit), (call) => api.imports.list({ params: { id: sourceSystemId }, query: { limit } }, call));
}

/**
 * One import, polled every second while it is queued or running. When it ends, everything it may
 * have changed is refreshed: the source's imports, raw data and blocked persons, and the persons.
 */
export function useImportQuery(tenantId: string, run: Import) {
  const queryClient = useQueryClient();
  const query = useApiQuery(importKeys.detail(tenantId, run.id), (call) => api.imports.get({ params: { id: run.id } }, call), {
    initialData: run,
    refetchInterval: (current) => (current.state.data && isImportActive(current.state.data) ? POLL_INTERVAL_MS : false),
    refetchIntervalInBackground: false,
  });
  const wasActive = useRef(isImportActive(run));
  const active = query.data ? isImportActive(query.data) : false;
  useEffect(() => {
    if (wasActive.current && !active) {
      void queryClient.invalidateQueries({ queryKey: sourceSystemKeys.one(tenantId, run.sourceSystemId) });
      void queryClient.invalidateQueries({ queryKey: sourceSystemKeys.list(tenantId) });
      void queryClient.invalidateQueries({ queryKey: personKeys.all(tenantId) });
    }
    wasActive.current = active;
  }, [active, queryClient, tenantId, run.sourceSystemId]);
  return query;
}

export function useStartImportMutation(tenantId: string, sourceSystemId: string) {
  return useApiMutation(() => api.imports.start({ params: { id: sourceSystemId }, body: {} }, { tenantId }), {
    refresh: [[...sourceSystemKeys.one(tenantId, sourceSystemId), "imports"]],
  });
}

export function useApproveImportMutation(tenantId: string, sourceSystemId: string) {
  return useApiMutation((importId: string) => api.imports.approve({ params: { id: importId } }, { tenantId }), {
    store: (approved) => importKeys.detail(tenantId, approved.id),
    refresh: [[...sourceSystemKeys.one(tenantId, sourceSystemId), "imports"]],
  });
}

export function useUploadMutation(tenantId: string, sourceSystemId: string) {
  return useMutation({
    mutationFn: ({ role, file }: { role: UploadRole; file: File }) =>
      uploadFile(sourceSystemRoutes.upload, { id: sourceSystemId, role }, file, { tenantId }),
  });
}
