import { useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api/api.ts";
import { tenantKeys } from "./tenant-keys.ts";

export function useTenantQuery(tenantId: string) {
  return useQuery({
    queryKey: tenantKeys.detail(tenantId),
    queryFn: ({ signal }) => api.tenant.get(undefined, { tenantId, signal }),
  });
}

export function useMembersQuery(tenantId: string) {
  return useQuery({
    queryKey: tenantKeys.members(tenantId),
    queryFn: ({ signal }) => api.members.list(undefined, { tenantId, signal }),
  });
}

/** Invitations nobody has answered yet: people who are not members until they accept. */
export function useTenantInvitationsQuery(tenantId: string) {
  return useQuery({
    queryKey: tenantKeys.invitations(tenantId),
    queryFn: ({ signal }) => api.members.listInvitations(undefined, { tenantId, signal }),
  });
}
