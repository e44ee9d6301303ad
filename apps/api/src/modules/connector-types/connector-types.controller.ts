import { Controller } from "@nestjs/common";
import { connectorCatalogueJson } from "@idlife/connectors";
import { connectorTypeRoutes } from "@idlife/contracts";
import { Endpoint, tenantAccess } from "../../common/http/endpoint.decorator.ts";

// Built once: the registry does not change while the API runs.
const catalogue = connectorCatalogueJson();

@Controller()
export class ConnectorTypesController {
  @Endpoint({ route: connectorTypeRoutes.list, access: tenantAccess("read") })
  list() {
    return catalogue;
  }
}
