import { connectorTypeListSchema } from "../connector-types.ts";
import { defineRoutes, route } from "./define-route.ts";

export const connectorTypeRoutes = defineRoutes(["Source systems"], {
  list: route.get("/connector-types", "The source connectors: type, label, description, capabilities, secret fields and the settings as JSON Schema", { response: connectorTypeListSchema }),
});
