import { z } from "zod";
import { createTenantRequestSchema, createdTenantSchema, tenantSchema } from "../tenants.ts";
import { QUEUE_NAMES } from "../queues.ts";
import { defineRoutes, route } from "./define-route.ts";

const jobParamsSchema = z.strictObject({ queue: z.enum(QUEUE_NAMES), jobId: z.string().min(1).max(200) });
const jobSchema = z.object({
  id: z.string(),
  name: z.string(),
  queue: z.string(),
  state: z.string(),
  attemptsMade: z.number(),
  failedReason: z.string().nullable(),
  returnValue: z.unknown(),
});

export const platformRoutes = defineRoutes(["Platform"], {
  listTenants: route.get("/platform/tenants", "All tenants", { response: z.array(tenantSchema) }),
  createTenant: route.post("/platform/tenants", "Create a tenant with its owner (a new owner without a password gets a link to set one)", { body: createTenantRequestSchema, response: createdTenantSchema }),
  cleanup: route.post("/platform/maintenance/cleanup", "Delete expired sessions and reset tokens now (runs on the worker)", { response: z.object({ queue: z.string(), jobId: z.string() }) }),
  job: route.get("/platform/jobs/:queue/:jobId", "State of a job", { params: jobParamsSchema, response: jobSchema }),
});
