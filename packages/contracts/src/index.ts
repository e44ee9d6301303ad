export * from "./common.ts";
export * from "./auth.ts";
export * from "./tenants.ts";
export * from "./api-keys.ts";
export * from "./audit.ts";
export * from "./source-systems.ts";
export * from "./persons.ts";
export * from "./invitations.ts";
