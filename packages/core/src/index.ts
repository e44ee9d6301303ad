export * from "./access/permissions.ts";
export * from "./tenancy/slug.ts";
export * from "./snapshot/index.ts";
export * from "./persons/index.ts";
export * from "./util/canonical-json.ts";
export * from "./schedules/index.ts";
export * from "./util/json-equal.ts";
export * from "./util/secret-names.ts";
