import { z } from "zod";
import { createTenantRequestSchema, createdTenantSchema, tenantSchema } from "../tenants.ts";
import { QUEUE_NAMES } from "../queues.ts";
import { defineRoute, defineRoutes } from "./define-route.ts";

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
  listTenants: defineRoute({
    method: "GET", path: "/platform/tenants",
    summary: "All tenants",
    response: z.array(tenantSchema),
  }),
  createTenant: defineRoute({
    method: "POST", path: "/platform/tenants",
    summary: "Create a tenant with its owner (a new owner without a password gets a link to set one)",
    body: createTenantRequestSchema,
    response: createdTenantSchema,
  }),
  cleanup: defineRoute({
    method: "POST", path: "/platform/maintenance/cleanup",
    summary: "Delete expired sessions and reset tokens now (runs on the worker)",
    response: z.object({ queue: z.string(), jobId: z.string() }),
  }),
  job: defineRoute({
    method: "GET", path: "/platform/jobs/:queue/:jobId",
    summary: "State of a job",
    params: jobParamsSchema,
    response: jobSchema,
  }),
});
