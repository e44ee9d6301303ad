import { Controller } from "@nestjs/common";
import { connectorCatalogueJson } from "@idlife/connectors";
import { connectorTypeListSchema } from "@idlife/contracts";
import { Endpoint, tenantAccess } from "../../common/http/endpoint.decorator.ts";

// Built once: the registry does not change while the API runs.
const catalogue = connectorCatalogueJson();

@Controller("connector-types")
export class ConnectorTypesController {
  @Endpoint({
    method: "GET",
    path: "",
    access: tenantAccess("read"),
    summary: "The source connectors: type, label, description, capabilities, secret fields and the settings as JSON Schema",
    tags: ["Source systems"],
    response: connectorTypeListSchema,
  })
  list() {
    return catalogue;
  }
}
