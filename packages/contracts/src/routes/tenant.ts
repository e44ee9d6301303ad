import { z } from "zod";
import { tenantSchema, tenantSettingsSchema, updateTenantRequestSchema } from "../tenants.ts";
import { defineRoute } from "./define-route.ts";

const previewCriteriaSchema = z.strictObject({ criteria: tenantSettingsSchema.shape.primaryContractCriteria.unwrap() });

export const tenantRoutes = {
  get: defineRoute({
    method: "GET", path: "/tenant",
    summary: "The current tenant",
    tags: ["Tenant"],
    response: tenantSchema,
  }),
  update: defineRoute({
    method: "PATCH", path: "/tenant",
    summary: "Rename the tenant or change its settings",
    tags: ["Tenant"],
    body: updateTenantRequestSchema,
    response: tenantSchema,
  }),
  previewPrimaryContract: defineRoute({
    method: "POST", path: "/tenant/primary-contract/preview",
    summary: "Who would get a different primary contract with these criteria (changes nothing)",
    tags: ["Tenant"],
    body: previewCriteriaSchema,
    response: z.array(z.object({ personId: z.uuid(), externalId: z.string(), displayName: z.string(), oldContractExternalId: z.string().nullable(), newContractExternalId: z.string().nullable() })),
  }),
};
