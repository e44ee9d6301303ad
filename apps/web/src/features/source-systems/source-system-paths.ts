import { tenantAreaPath } from "../tenants/tenant-paths.ts";

export const sourceSystemSections = ["overview", "mapping", "thresholds", "schedule", "imports", "blocked-persons", "raw-data"] as const;
export type SourceSystemSection = (typeof sourceSystemSections)[number];

export function sourceSystemPath(tenantSlug: string, sourceSystemId: string, section: SourceSystemSection = "overview"): string {
  const base = `${tenantAreaPath(tenantSlug, "source-systems")}/${encodeURIComponent(sourceSystemId)}`;
  return section === "overview" ? base : `${base}/${section}`;
}

export function newSourceSystemPath(tenantSlug: string): string {
  return `${tenantAreaPath(tenantSlug, "source-systems")}/new`;
}
