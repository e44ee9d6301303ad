export * from "./route-path.ts";
export * from "./create-api-client.ts";
