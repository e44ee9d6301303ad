export { scimConnector } from "./scim-connector.ts";
export { scimSettingsSchema, scimSecretFields, type ScimSettings } from "./scim-settings.ts";
export { equalityFilter, scimString } from "./scim-filter.ts";
