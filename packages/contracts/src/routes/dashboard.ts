import { dashboardSchema } from "../dashboard.ts";
import { defineRoute, defineRoutes } from "./define-route.ts";

export const dashboardRoutes = defineRoutes(["Dashboard"], {
  get: defineRoute({
    method: "GET", path: "/dashboard",
    summary: "The tenant at a glance: persons by status, each source system's last import, blocked persons, merge suggestions waiting, imports needing attention",
    response: dashboardSchema,
  }),
});
