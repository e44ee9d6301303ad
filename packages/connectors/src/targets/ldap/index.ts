export { ldapConnector } from "./ldap-connector.ts";
export { ldapSettingsSchema, ldapSecretFields, type LdapSettings } from "./ldap-settings.ts";
