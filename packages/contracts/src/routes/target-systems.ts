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
import { connectedSystemRoutes } from "./collection-routes.ts";
import { defineRoutes, route } from "./define-route.ts";

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
  connectorTypes: route.get("/target-connector-types", "The target connectors: type, label, capabilities, secret fields, account attributes and the settings as JSON Schema", { response: z.array(targetConnectorTypeInfoSchema) }),
  ...connectedSystemRoutes("target", targetSystemSchema, {
    create: ["Connect a target system: settings checked against the connector, field mapping checked (a cycle of account data between systems is refused)", createTargetSystemRequestSchema],
    update: ["Change a target system (a secret left out keeps its value; null removes it)", updateTargetSystemRequestSchema],
  }),
  // Not the collection's plain remove: it takes ?force.
  remove: route.delete("/target-systems/:id", "Remove a target system; refused while it manages accounts unless force=true (the accounts stay in the target)", { query: deleteTargetSystemQuerySchema }),
  testConnection: route.post("/target-systems/:id/test-connection", "Connect and sign in to the target with the stored settings (read-only)", { response: testConnectionResponseSchema }),
  permissions: route.get("/target-systems/:id/permissions", "Permissions (groups, licences, roles) as last listed from the target", { response: z.array(targetPermissionSchema) }),
  refreshPermissions: route.post("/target-systems/:id/permissions/refresh", "List the permissions from the target again; ones no longer there are marked gone", { response: refreshPermissionsResponseSchema }),
  runInventory: route.post("/target-systems/:id/inventory", "Read every account of the target and classify it: managed, correlatable (one person matches) or orphaned", { body: runInventoryRequestSchema, response: inventoryRunSchema }),
  inventory: route.get("/target-systems/:id/inventory", "The accounts read by the last inventory, with counts per status", { query: inventoryQuerySchema, response: inventoryPageSchema }),
  actions: route.get("/target-systems/:id/actions", "The work table of a target system, newest first", { query: targetActionsQuerySchema, response: z.array(targetActionSchema) }),
  preview: route.get("/persons/:id/target-preview", "What each account action would send for this person, and the account it would correlate with; changes nothing", { query: targetPreviewQuerySchema, response: accountPreviewSchema }),
  requestAccountAction: route.post("/persons/:id/accounts/:targetSystemId/actions", "Create, update, enable, disable or delete this person's account by hand (queued in the work table)", { params: accountParamsSchema, body: requestAccountActionSchema, response: targetActionSchema }),
  requestEntitlement: route.post("/persons/:id/entitlements", "Grant or revoke a permission by hand (queued in the work table)", { body: requestEntitlementSchema, response: targetActionSchema }),
  personAccounts: route.get("/persons/:id/accounts", "The person's accounts in target systems", { response: z.array(targetAccountSchema) }),
  personEntitlements: route.get("/persons/:id/entitlements", "The permissions granted to the person, with who granted each", { response: z.array(entitlementSchema) }),
  personActions: route.get("/persons/:id/target-actions", "The person's target actions, newest first", { response: z.array(targetActionSchema) }),
});
