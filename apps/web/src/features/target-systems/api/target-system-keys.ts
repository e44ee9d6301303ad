import { tenantScope } from "../../tenants/api/tenant-keys.ts";

export const targetSystemKeys = {
  all: (tenantId: string) => [tenantScope(tenantId), "target-systems"] as const,
  connectorTypes: (tenantId: string) => [tenantScope(tenantId), "target-connector-types"] as const,
  list: (tenantId: string) => [...targetSystemKeys.all(tenantId), "list"] as const,
  /** Everything of one target system (detail, permissions, inventory, actions) starts with this. */
  one: (tenantId: string, targetSystemId: string) => [...targetSystemKeys.all(tenantId), "one", targetSystemId] as const,
  detail: (tenantId: string, targetSystemId: string) => [...targetSystemKeys.one(tenantId, targetSystemId), "detail"] as const,
  permissions: (tenantId: string, targetSystemId: string) => [...targetSystemKeys.one(tenantId, targetSystemId), "permissions"] as const,
  inventory: (tenantId: string, targetSystemId: string, status: string | undefined) => [...targetSystemKeys.one(tenantId, targetSystemId), "inventory", { status }] as const,
  actions: (tenantId: string, targetSystemId: string, state: string | undefined) => [...targetSystemKeys.one(tenantId, targetSystemId), "actions", { state }] as const,
};

/** A person's accounts, entitlements, actions and previews: under the person, so a person change refreshes them. */
export const personTargetKeys = {
  all: (tenantId: string, personId: string) => [tenantScope(tenantId), "persons", "one", personId, "targets"] as const,
  accounts: (tenantId: string, personId: string) => [...personTargetKeys.all(tenantId, personId), "accounts"] as const,
  entitlements: (tenantId: string, personId: string) => [...personTargetKeys.all(tenantId, personId), "entitlements"] as const,
  actions: (tenantId: string, personId: string) => [...personTargetKeys.all(tenantId, personId), "actions"] as const,
  preview: (tenantId: string, personId: string, targetSystemId: string, action: string | undefined) =>
    [...personTargetKeys.all(tenantId, personId), "preview", targetSystemId, { action }] as const,
};
