import { z } from "zod";
import { tenantSchema, tenantSettingsSchema, updateTenantRequestSchema } from "../tenants.ts";
import { defineRoutes, route } from "./define-route.ts";

const previewCriteriaSchema = z.strictObject({ criteria: tenantSettingsSchema.shape.primaryContractCriteria.unwrap() });
const previewChangeSchema = z.object({
  personId: z.uuid(),
  externalId: z.string(),
  displayName: z.string(),
  oldContractExternalId: z.string().nullable(),
  newContractExternalId: z.string().nullable(),
});

export const tenantRoutes = defineRoutes(["Tenant"], {
  get: route.get("/tenant", "The current tenant", { response: tenantSchema }),
  update: route.patch("/tenant", "Rename the tenant or change its settings", { body: updateTenantRequestSchema, response: tenantSchema }),
  previewPrimaryContract: route.post("/tenant/primary-contract/preview", "Who would get a different primary contract with these criteria (changes nothing)", { body: previewCriteriaSchema, response: z.array(previewChangeSchema) }),
});
