export { createApiApp } from "./create-app.ts";
export { loadApiConfig, type ApiConfig } from "./config/api-config.ts";
export { listRoutes, type DiscoveredRoute } from "./common/openapi/list-endpoints.ts";
