export * from "./target-connector.ts";
export * from "./target-catalogue.ts";
export * from "./scim/index.ts";
export * from "./entra-id/index.ts";
