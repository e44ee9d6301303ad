/**
 * What a caller may do inside a tenant. Routes declare one permission; roles (people) and
 * scopes (API keys) map onto permissions here, in one table a reviewer can read.
 */
// "personal": see personal contact data (private email, phone, address) in lists and exports.
export const PERMISSIONS = ["read", "personal", "audit", "operate", "configure", "administer"] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ["owner", "admin", "operator", "auditor"] as const;
export type Role = (typeof ROLES)[number];

export const API_KEY_SCOPES = ["read", "write", "admin"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

const rolePermissions: Record<Role, readonly Permission[]> = {
  owner: PERMISSIONS,
  admin: PERMISSIONS,
  // HR and servicedesk: submit forms and run on-demand actions; never change configuration.
  operator: ["read", "personal", "operate"],
  // Read-only, including the audit log.
  auditor: ["read", "audit"],
};

// The audit trail (IP addresses, before/after values) is not part of "read": an integration
// that only reads persons should not see who did what. Only admin keys read the audit log.
const scopePermissions: Record<ApiKeyScope, readonly Permission[]> = {
  read: ["read"],
  write: ["read", "personal", "operate", "configure"],
  admin: PERMISSIONS,
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}

export function scopesAllow(scopes: readonly ApiKeyScope[], permission: Permission): boolean {
  return scopes.some((scope) => scopePermissions[scope]?.includes(permission));
}

/**
 * A person may hand out only roles that do not exceed their own. Only owners make owners, or
 * touch an owner's membership. API keys act as "admin" here: a key never creates an owner.
 */
export function canAssignRole(actorRole: Role, targetRole: Role): boolean {
  if (targetRole === "owner") return actorRole === "owner";
  return roleAllows(actorRole, "administer");
}

/**
 * The API key scopes a person in this role could hold without the key exceeding them: a scope
 * fits when the role has every permission it grants (owner/admin: all; operator, auditor: read).
 */
export function scopesWithinRole(role: Role): ApiKeyScope[] {
  return API_KEY_SCOPES.filter((scope) => scopePermissions[scope].every((permission) => roleAllows(role, permission)));
}

/**
 * A key's scopes cut down to what a role covers: unchanged when they fit, else the scopes the
 * role could hold that grant nothing the key did not already have (an "admin" key of someone
 * now an operator becomes "read"). Empty when nothing is left.
 */
export function narrowScopesToRole(scopes: readonly ApiKeyScope[], role: Role): ApiKeyScope[] {
  const fitting = scopesWithinRole(role);
  if (scopes.every((scope) => fitting.includes(scope))) return [...scopes];
  return fitting.filter((candidate) =>
    scopePermissions[candidate].every((permission) => scopesAllow(scopes, permission)),
  );
}
