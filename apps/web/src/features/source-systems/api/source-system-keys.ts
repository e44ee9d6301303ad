import { tenantScope } from "../../tenants/api/tenant-keys.ts";

export interface RawRecordsFilter {
  search: string;
  kind: "person" | "department";
  offset: number;
  limit: number;
}

export type SourceFieldRole = "persons" | "contracts" | "departments";

export const sourceSystemKeys = {
  all: (tenantId: string) => [tenantScope(tenantId), "source-systems"] as const,
  list: (tenantId: string) => [...sourceSystemKeys.all(tenantId), "list"] as const,
  /** Everything of one source system (its detail, imports, raw data, blocked persons) starts with this. */
  one: (tenantId: string, sourceSystemId: string) => [...sourceSystemKeys.all(tenantId), "one", sourceSystemId] as const,
  detail: (tenantId: string, sourceSystemId: string) => [...sourceSystemKeys.one(tenantId, sourceSystemId), "detail"] as const,
  imports: (tenantId: string, sourceSystemId: string, limit: number) =>
    [...sourceSystemKeys.one(tenantId, sourceSystemId), "imports", { limit }] as const,
  rawRecords: (tenantId: string, sourceSystemId: string, filter: RawRecordsFilter) =>
    [...sourceSystemKeys.one(tenantId, sourceSystemId), "raw-records", filter] as const,
  /** Under "one", so an upload (which invalidates the source system) refreshes the offered columns. */
  sourceFields: (tenantId: string, sourceSystemId: string, role: SourceFieldRole) =>
    [...sourceSystemKeys.one(tenantId, sourceSystemId), "source-fields", role] as const,
  blockedPersons: (tenantId: string, sourceSystemId: string) =>
    [...sourceSystemKeys.one(tenantId, sourceSystemId), "blocked-persons"] as const,
};

export const importKeys = {
  detail: (tenantId: string, importId: string) => [tenantScope(tenantId), "imports", importId] as const,
};
