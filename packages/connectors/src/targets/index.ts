export * from "./target-connector.ts";
export * from "./target-catalogue.ts";
