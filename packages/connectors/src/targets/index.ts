export * from "./target-connector.ts";
export * from "./target-catalogue.ts";
export * from "./ldap/index.ts";
export * from "./scim/index.ts";
