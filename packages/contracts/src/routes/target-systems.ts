import { z } from "zod";
import {
  accountActionSchema,
  accountPreviewSchema,
  createTargetSystemRequestSchema,
  entitlementSchema,
  inventoryAccountSchema,
  inventoryStatusSchema,
  requestAccountActionSchema,
  requestPermissionActionSchema,
  targetAccountSchema,
  targetActionKindSchema,
  targetActionSchema,
  targetActionStateSchema,
  targetConnectorTypeSchema,
  targetPermissionSchema,
  targetSystemSchema,
  updateTargetSystemRequestSchema,
} from "../target-systems.ts";
import { idParamsSchema } from "../common.ts";
import { defineRoute, defineRoutes } from "./define-route.ts";

/** One target connector of GET /target-connector-types: what the portal needs to offer it and build its form. */
export const targetConnectorTypeInfoSchema = z.object({
  type: targetConnectorTypeSchema,
  label: z.string(),
  description: z.string(),
  capabilities: z.record(z.string(), z.boolean()),
  secretFields: z.array(z.string()),
  secretNames: z.enum(["declared", "any"]),
  accountAttributes: z.array(z.object({ name: z.string(), description: z.string(), required: z.boolean().optional() })),
  defaultCorrelationAttribute: z.string(),
  /** The settings as JSON Schema (draft 2020-12), as sent in requests. */
  settingsSchema: z.record(z.string(), z.unknown()),
});
export type TargetConnectorTypeInfo = z.infer<typeof targetConnectorTypeInfoSchema>;

export const deleteTargetSystemQuerySchema = z.strictObject({
  /** Delete even though the system still manages accounts (they stay in the target, unmanaged). */
  force: z.enum(["true", "false"]).optional(),
});

export const testConnectionResponseSchema = z.object({ ok: z.boolean(), message: z.string() });

export const refreshPermissionsResponseSchema = z.object({ total: z.number(), added: z.number(), gone: z.number() });

/** Inventory limits: a page is at most 1,000 accounts, a run at most 200,000 (both with a clear error beyond). */
export const MAX_INVENTORY_PAGE_SIZE = 1_000;
export const MAX_INVENTORY_ACCOUNTS = 200_000;
export const runInventoryRequestSchema = z.strictObject({
  pageSize: z.number().int().min(1).max(MAX_INVENTORY_PAGE_SIZE).default(500),
  maxAccounts: z.number().int().min(1).max(MAX_INVENTORY_ACCOUNTS).default(50_000),
});
export const inventoryCountsSchema = z.object({ managed: z.number(), correlatable: z.number(), orphaned: z.number() });
export const inventoryRunSchema = z.object({ total: z.number(), counts: inventoryCountsSchema, readAt: z.iso.datetime() });

export const inventoryQuerySchema = z.strictObject({
  status: inventoryStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(1_000).default(200),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const inventoryPageSchema = z.object({ counts: inventoryCountsSchema, items: z.array(inventoryAccountSchema) });

export const targetActionsQuerySchema = z.strictObject({
  state: targetActionStateSchema.optional(),
  kind: targetActionKindSchema.optional(),
  personId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const targetPreviewQuerySchema = z.strictObject({ targetSystemId: z.uuid(), action: accountActionSchema.optional() });
const accountParamsSchema = z.strictObject({ id: z.uuid(), targetSystemId: z.uuid() });
export const requestEntitlementSchema = requestPermissionActionSchema.extend({ targetSystemId: z.uuid() });

export const targetSystemRoutes = defineRoutes(["Target systems"], {
  connectorTypes: defineRoute({
    method: "GET", path: "/target-connector-types",
    summary: "The target connectors: type, label, capabilities, secret fields, account attributes and the settings as JSON Schema",
    response: z.array(targetConnectorTypeInfoSchema),
  }),
  list: defineRoute({
    method: "GET", path: "/target-systems",
    summary: "Target systems of this tenant",
    response: z.array(targetSystemSchema),
  }),
  get: defineRoute({
    method: "GET", path: "/target-systems/:id",
    summary: "One target system (secrets are never returned)",
    params: idParamsSchema,
    response: targetSystemSchema,
  }),
  create: defineRoute({
    method: "POST", path: "/target-systems",
    summary: "Connect a target system: settings checked against the connector, field mapping checked (a cycle of account data between systems is refused)",
    body: createTargetSystemRequestSchema,
    response: targetSystemSchema,
  }),
  update: defineRoute({
    method: "PATCH", path: "/target-systems/:id",
    summary: "Change a target system (a secret left out keeps its value; null removes it)",
    params: idParamsSchema,
    body: updateTargetSystemRequestSchema,
    response: targetSystemSchema,
  }),
  remove: defineRoute({
    method: "DELETE", path: "/target-systems/:id",
    summary: "Remove a target system; refused while it manages accounts unless force=true (the accounts stay in the target)",
    params: idParamsSchema,
    query: deleteTargetSystemQuerySchema,
  }),
  testConnection: defineRoute({
    method: "POST", path: "/target-systems/:id/test-connection",
    summary: "Connect and sign in to the target with the stored settings (read-only)",
    params: idParamsSchema,
    response: testConnectionResponseSchema,
  }),
  permissions: defineRoute({
    method: "GET", path: "/target-systems/:id/permissions",
    summary: "Permissions (groups, licences, roles) as last listed from the target",
    params: idParamsSchema,
    response: z.array(targetPermissionSchema),
  }),
  refreshPermissions: defineRoute({
    method: "POST", path: "/target-systems/:id/permissions/refresh",
    summary: "List the permissions from the target again; ones no longer there are marked gone",
    params: idParamsSchema,
    response: refreshPermissionsResponseSchema,
  }),
  runInventory: defineRoute({
    method: "POST", path: "/target-systems/:id/inventory",
    summary: "Read every account of the target and classify it: managed, correlatable (one person matches) or orphaned",
    params: idParamsSchema,
    body: runInventoryRequestSchema,
    response: inventoryRunSchema,
  }),
  inventory: defineRoute({
    method: "GET", path: "/target-systems/:id/inventory",
    summary: "The accounts read by the last inventory, with counts per status",
    params: idParamsSchema,
    query: inventoryQuerySchema,
    response: inventoryPageSchema,
  }),
  actions: defineRoute({
    method: "GET", path: "/target-systems/:id/actions",
    summary: "The work table of a target system, newest first",
    params: idParamsSchema,
    query: targetActionsQuerySchema,
    response: z.array(targetActionSchema),
  }),
  preview: defineRoute({
    method: "GET", path: "/persons/:id/target-preview",
    summary: "What each account action would send for this person, and the account it would correlate with; changes nothing",
    params: idParamsSchema,
    query: targetPreviewQuerySchema,
    response: accountPreviewSchema,
  }),
  requestAccountAction: defineRoute({
    method: "POST", path: "/persons/:id/accounts/:targetSystemId/actions",
    summary: "Create, update, enable, disable or delete this person's account by hand (queued in the work table)",
    params: accountParamsSchema,
    body: requestAccountActionSchema,
    response: targetActionSchema,
  }),
  requestEntitlement: defineRoute({
    method: "POST", path: "/persons/:id/entitlements",
    summary: "Grant or revoke a permission by hand (queued in the work table)",
    params: idParamsSchema,
    body: requestEntitlementSchema,
    response: targetActionSchema,
  }),
  personAccounts: defineRoute({
    method: "GET", path: "/persons/:id/accounts",
    summary: "The person's accounts in target systems",
    params: idParamsSchema,
    response: z.array(targetAccountSchema),
  }),
  personEntitlements: defineRoute({
    method: "GET", path: "/persons/:id/entitlements",
    summary: "The permissions granted to the person, with who granted each",
    params: idParamsSchema,
    response: z.array(entitlementSchema),
  }),
  personActions: defineRoute({
    method: "GET", path: "/persons/:id/target-actions",
    summary: "The person's target actions, newest first",
    params: idParamsSchema,
    response: z.array(targetActionSchema),
  }),
});
