/** Query keys for the signed-in person; these are the only keys not scoped to a tenant. */
export const authKeys = {
  all: ["auth"] as const,
  currentUser: () => [...authKeys.all, "current-user"] as const,
  config: () => [...authKeys.all, "config"] as const,
  invitations: () => [...authKeys.all, "invitations"] as const,
};
