import { connectorTypeListSchema } from "../connector-types.ts";
import { defineRoute } from "./define-route.ts";



export const connectorTypeRoutes = {
  list: defineRoute({
    method: "GET", path: "/connector-types",
    summary: "The source connectors: type, label, description, capabilities, secret fields and the settings as JSON Schema",
    tags: ["Source systems"],
    response: connectorTypeListSchema,
  }),
};
