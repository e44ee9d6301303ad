import { invitationSchema, memberSchema, tenantSchema } from "@idlife/contracts";
import { useQuery } from "@tanstack/react-query";
import { apiRequest, listOf } from "../../../lib/api/api-client.ts";
import { tenantKeys } from "./tenant-keys.ts";

export function useTenantQuery(tenantId: string) {
  return useQuery({
    queryKey: tenantKeys.detail(tenantId),
    queryFn: ({ signal }) => apiRequest("/tenant", { tenantId, schema: tenantSchema, signal }),
  });
}

export function useMembersQuery(tenantId: string) {
  return useQuery({
    queryKey: tenantKeys.members(tenantId),
    queryFn: ({ signal }) => apiRequest("/members", { tenantId, schema: listOf(memberSchema), signal }),
  });
}

/** Invitations nobody has answered yet: people who are not members until they accept. */
export function useTenantInvitationsQuery(tenantId: string) {
  return useQuery({
    queryKey: tenantKeys.invitations(tenantId),
    queryFn: ({ signal }) => apiRequest("/members/invitations", { tenantId, schema: listOf(invitationSchema), signal }),
  });
}
