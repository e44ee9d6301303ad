import { tenantAreaPath } from "../tenants/tenant-paths.ts";

export const personSections = ["information", "contracts", "history", "raw-data", "rules"] as const;
export type PersonSection = (typeof personSections)[number];

export function personPath(tenantSlug: string, personId: string, section: PersonSection = "information"): string {
  const base = `${tenantAreaPath(tenantSlug, "persons")}/${encodeURIComponent(personId)}`;
  return section === "information" ? base : `${base}/${section}`;
}
