export { entraIdConnector } from "./entra-id-connector.ts";
export { entraIdSettingsSchema, type EntraIdSettings } from "./entra-id-settings.ts";
