import { connectorTypeListSchema } from "../connector-types.ts";
import { defineRoute, defineRoutes } from "./define-route.ts";

export const connectorTypeRoutes = defineRoutes(["Source systems"], {
  list: defineRoute({
    method: "GET", path: "/connector-types",
    summary: "The source connectors: type, label, description, capabilities, secret fields and the settings as JSON Schema",
    response: connectorTypeListSchema,
  }),
});
