import { auditExportQuerySchema, auditPageSchema, auditQuerySchema } from "../audit.ts";
import { defineRoute, defineRoutes } from "./define-route.ts";

export const auditRoutes = defineRoutes(["Audit log"], {
  list: defineRoute({
    method: "GET", path: "/audit-log",
    summary: "The tenant's audit trail, newest first: filter by action, actor, target and time (from/to, inclusive); page on with before=nextBefore. Targets carry their current name (targetLabel).",
    query: auditQuerySchema,
    response: auditPageSchema,
  }),
  export: defineRoute({
    method: "GET", path: "/audit-log/export.csv",
    summary: "The filtered audit trail as CSV, streamed, newest first (same filters as the list; separator=; for Excel in Dutch and other locales). A few exports per tenant at a time (429 export_busy beyond).",
    query: auditExportQuerySchema,
  }),
});
