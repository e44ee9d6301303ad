/**
 * Every tenant-scoped query key starts with this object, so one tenant's cache can be found,
 * refreshed or dropped as a whole (`queryClient.invalidateQueries({ queryKey: tenantKeys.all(id) })`)
 * and two tenants' answers can never share a key.
 */
export function tenantScope(tenantId: string) {
  return { tenantId } as const;
}

export const tenantKeys = {
  all: (tenantId: string) => [tenantScope(tenantId)] as const,
  detail: (tenantId: string) => [tenantScope(tenantId), "tenant"] as const,
  members: (tenantId: string) => [tenantScope(tenantId), "members"] as const,
  invitations: (tenantId: string) => [tenantScope(tenantId), "invitations"] as const,
};
