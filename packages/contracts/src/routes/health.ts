import { z } from "zod";
import { defineRoute, defineRoutes } from "./define-route.ts";

export const healthRoutes = defineRoutes(["Health"], {
  check: defineRoute({
    method: "GET", path: "/health",
    summary: "Is the API up and can it reach PostgreSQL and Redis",
    response: z.object({ status: z.literal("ok") }),
  }),
});
