import { dashboardSchema } from "../dashboard.ts";
import { defineRoutes, route } from "./define-route.ts";

export const dashboardRoutes = defineRoutes(["Dashboard"], {
  get: route.get("/dashboard", "The tenant at a glance: persons by status, each source system's last import, blocked persons, merge suggestions waiting, imports needing attention", { response: dashboardSchema }),
});
