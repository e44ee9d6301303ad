import { sourceSystemRoutes, type Import, type uploadRoleSchema } from "@idlife/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import type { z } from "zod";
import { api } from "../../../lib/api/api.ts";
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
  return useQuery({
    queryKey: sourceSystemKeys.imports(tenantId, sourceSystemId, limit),
    queryFn: ({ signal }) =>
      api.imports.list({ params: { id: sourceSystemId }, query: { limit } }, { tenantId, signal }),
  });
}

/**
 * One import, polled every second while it is queued or running. When it ends, everything it may
 * have changed is refreshed: the source's imports, raw data and blocked persons, and the persons.
 */
export function useImportQuery(tenantId: string, run: Import) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: importKeys.detail(tenantId, run.id),
    queryFn: ({ signal }) => api.imports.get({ params: { id: run.id } }, { tenantId, signal }),
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
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api.imports.start({ params: { id: sourceSystemId }, body: {} }, { tenantId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...sourceSystemKeys.one(tenantId, sourceSystemId), "imports"] }),
  });
}

export function useApproveImportMutation(tenantId: string, sourceSystemId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (importId: string) =>
      api.imports.approve({ params: { id: importId } }, { tenantId }),
    onSuccess: (approved) => {
      queryClient.setQueryData(importKeys.detail(tenantId, approved.id), approved);
      return queryClient.invalidateQueries({ queryKey: [...sourceSystemKeys.one(tenantId, sourceSystemId), "imports"] });
    },
  });
}

export function useUploadMutation(tenantId: string, sourceSystemId: string) {
  return useMutation({
    mutationFn: ({ role, file }: { role: UploadRole; file: File }) =>
      uploadFile(sourceSystemRoutes.upload, { id: sourceSystemId, role }, file, { tenantId }),
  });
}
