import { z } from "zod";
import { defineRoute } from "./define-route.ts";



export const healthRoutes = {
  check: defineRoute({
    method: "GET", path: "/health",
    summary: "Is the API up and can it reach PostgreSQL and Redis",
    tags: ["Health"],
    response: z.object({ status: z.literal("ok") }),
  }),
};
