import { tenantAreaPath } from "../tenants/tenant-paths.ts";

export const targetSystemSections = ["overview", "mapping", "permissions", "inventory", "actions"] as const;
export type TargetSystemSection = (typeof targetSystemSections)[number];

export function targetSystemPath(tenantSlug: string, targetSystemId: string, section: TargetSystemSection = "overview"): string {
  const base = `${tenantAreaPath(tenantSlug, "target-systems")}/${encodeURIComponent(targetSystemId)}`;
  return section === "overview" ? base : `${base}/${section}`;
}

export function newTargetSystemPath(tenantSlug: string): string {
  return `${tenantAreaPath(tenantSlug, "target-systems")}/new`;
}
