export * from "./target-connector.ts";
export * from "./target-catalogue.ts";
export * from "./scim/index.ts";
export * from "./entra-id/index.ts";
export { scriptTargetConnector } from "./script/script-target-connector.ts";
export { moveScriptTargetSecrets, scriptTargetSettingsSchema, type ScriptTargetSettings, type ScriptTargetSettingsInput } from "./script/script-target-settings.ts";
export { ACCOUNT_PASSWORD_SECRET, type ScriptContextExtras } from "./script/script-target-session.ts";
export * from "./ldap/index.ts";
