export * from "./access/permissions.ts";
export * from "./tenancy/slug.ts";
