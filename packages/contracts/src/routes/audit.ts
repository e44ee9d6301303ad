import { auditExportQuerySchema, auditPageSchema, auditQuerySchema } from "../audit.ts";
import { defineRoutes, route } from "./define-route.ts";

export const auditRoutes = defineRoutes(["Audit log"], {
  list: route.get("/audit-log", "The tenant's audit trail, newest first: filter by action, actor, target and time (from/to, inclusive); page on with before=nextBefore. Targets carry their current name (targetLabel).", { query: auditQuerySchema, response: auditPageSchema }),
  export: route.get("/audit-log/export.csv", "The filtered audit trail as CSV, streamed, newest first (same filters as the list; separator=; for Excel in Dutch and other locales). A few exports per tenant at a time (429 export_busy beyond).", { query: auditExportQuerySchema }),
});
