import { z } from "zod";
import { defineRoutes, route } from "./define-route.ts";

export const healthRoutes = defineRoutes(["Health"], {
  check: route.get("/health", "Is the API up and can it reach PostgreSQL and Redis", { response: z.object({ status: z.literal("ok") }) }),
});
