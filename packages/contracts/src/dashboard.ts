import { z } from "zod";
import { importSchema } from "./source-systems.ts";

/** The last import of one source system, as the dashboard shows it. */
export const dashboardImportSchema = importSchema.pick({ id: true, status: true, state: true, persons: true, error: true, createdAt: true, finishedAt: true });

export const dashboardSourceSystemSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  enabled: z.boolean(),
  /** Persons this source delivers that its mapping blocked (they keep their last known state). */
  blockedPersons: z.number().int(),
  lastImport: dashboardImportSchema.nullable(),
});

/** A source whose last import needs an administrator: it failed, waits for approval, or blocked persons. */
export const dashboardAttentionSchema = z.object({
  sourceSystemId: z.uuid(),
  sourceSystemName: z.string(),
  importId: z.uuid(),
  state: z.enum(["failed", "blocked", "completed_with_blocked"]),
  message: z.string(),
  at: z.iso.datetime(),
});

/** The facts of a tenant's dashboard, in one response. */
export const dashboardSchema = z.object({
  persons: z.object({ active: z.number().int(), future: z.number().int(), former: z.number().int(), total: z.number().int() }),
  blockedPersons: z.number().int(),
  openMergeSuggestions: z.number().int(),
  sourceSystems: z.array(dashboardSourceSystemSchema),
  attention: z.array(dashboardAttentionSchema),
});
export type Dashboard = z.infer<typeof dashboardSchema>;
export type DashboardSourceSystem = z.infer<typeof dashboardSourceSystemSchema>;
