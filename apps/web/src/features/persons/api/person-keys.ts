import { tenantScope } from "../../tenants/api/tenant-keys.ts";
import type { PersonFilter } from "../person-filter.ts";

export const personKeys = {
  all: (tenantId: string) => [tenantScope(tenantId), "persons"] as const,
  list: (tenantId: string, filter: PersonFilter) => [...personKeys.all(tenantId), "list", filter] as const,
  one: (tenantId: string, personId: string) => [...personKeys.all(tenantId), "one", personId] as const,
  detail: (tenantId: string, personId: string) => [...personKeys.one(tenantId, personId), "detail"] as const,
  history: (tenantId: string, personId: string) => [...personKeys.one(tenantId, personId), "history"] as const,
  raw: (tenantId: string, personId: string) => [...personKeys.one(tenantId, personId), "raw"] as const,
};
