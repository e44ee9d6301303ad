import { api } from "../../../lib/api/api.ts";
import { useApiQuery } from "../../../lib/api/api-queries.ts";
import { tenantKeys } from "./tenant-keys.ts";

export function useTenantQuery(tenantId: string) {
  return useApiQuery(tenantKeys.detail(tenantId), (call) => api.tenant.get(undefined, call));
}

export function useMembersQuery(tenantId: string) {
  return useApiQuery(tenantKeys.members(tenantId), (call) => api.members.list(undefined, call));
}

/** Invitations nobody has answered yet: people who are not members until they accept. */
export function useTenantInvitationsQuery(tenantId: string) {
  return useApiQuery(tenantKeys.invitations(tenantId), (call) => api.members.listInvitations(undefined, call));
}
