import { z } from "zod";
import { tenantSchema, tenantSettingsSchema, updateTenantRequestSchema } from "../tenants.ts";
import { defineRoute, defineRoutes } from "./define-route.ts";

const previewCriteriaSchema = z.strictObject({ criteria: tenantSettingsSchema.shape.primaryContractCriteria.unwrap() });

export const tenantRoutes = defineRoutes(["Tenant"], {
  get: defineRoute({
    method: "GET", path: "/tenant",
    summary: "The current tenant",
    response: tenantSchema,
  }),
  update: defineRoute({
    method: "PATCH", path: "/tenant",
    summary: "Rename the tenant or change its settings",
    body: updateTenantRequestSchema,
    response: tenantSchema,
  }),
  previewPrimaryContract: defineRoute({
    method: "POST", path: "/tenant/primary-contract/preview",
    summary: "Who would get a different primary contract with these criteria (changes nothing)",
    body: previewCriteriaSchema,
    response: z.array(z.object({ personId: z.uuid(), externalId: z.string(), displayName: z.string(), oldContractExternalId: z.string().nullable(), newContractExternalId: z.string().nullable() })),
  }),
});
