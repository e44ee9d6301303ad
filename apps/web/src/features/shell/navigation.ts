import type { IconName } from "../../components/Icon.tsx";

export type AreaId =
  | "dashboard"
  | "source-systems"
  | "persons"
  | "business-rules"
  | "target-systems"
  | "notifications"
  | "forms"
  | "audit-log"
  | "settings";

export interface Area {
  id: AreaId;
  /** The path segment after /t/:tenantSlug/. */
  path: AreaId;
  title: string;
  icon: IconName;
  /** What the area will hold, shown in its empty state until it is built. */
  description: string;
}

export interface AreaGroup {
  label: string;
  areas: readonly Area[];
}

/** The sidebar, in the order data flows: sources in, rules, targets out, then oversight. */
export const areaGroups: readonly AreaGroup[] = [
  {
    label: "Overview",
    areas: [
      {
        id: "dashboard",
        path: "dashboard",
        title: "Dashboard",
        icon: "dashboard",
        description: "A summary of imports, pending changes and recent activity appears here.",
      },
    ],
  },
  {
    label: "Identities",
    areas: [
      {
        id: "source-systems",
        path: "source-systems",
        title: "Source systems",
        icon: "source",
        description: "Connect HR and student systems; their raw data and mapping appear here.",
      },
      {
        id: "persons",
        path: "persons",
        title: "Persons",
        icon: "persons",
        description: "Everyone imported from your source systems, with their contracts and accounts, appears here.",
      },
    ],
  },
  {
    label: "Provisioning",
    areas: [
      {
        id: "business-rules",
        path: "business-rules",
        title: "Business rules",
        icon: "rules",
        description: "Rules that decide which accounts, groups and permissions each person gets appear here.",
      },
      {
        id: "target-systems",
        path: "target-systems",
        title: "Target systems",
        icon: "target",
        description: "Connect Active Directory, Entra ID and other systems where accounts are created and kept up to date.",
      },
      {
        id: "notifications",
        path: "notifications",
        title: "Notifications",
        icon: "notifications",
        description: "Messages sent when accounts are created, changed or disabled, and their templates, appear here.",
      },
      {
        id: "forms",
        path: "forms",
        title: "Forms",
        icon: "forms",
        description: "Self-service and delegated request forms, such as asking access for a colleague, appear here.",
      },
    ],
  },
  {
    label: "Administration",
    areas: [
      {
        id: "audit-log",
        path: "audit-log",
        title: "Audit log",
        icon: "audit",
        description: "Every sign-in and every change made by people, API keys and the system appears here.",
      },
      {
        id: "settings",
        path: "settings",
        title: "Settings",
        icon: "settings",
        description: "Tenant details, members and API keys.",
      },
    ],
  },
];

export const areas: readonly Area[] = areaGroups.flatMap((group) => group.areas);

export function findArea(id: string | undefined): Area | undefined {
  return areas.find((area) => area.path === id);
}

export function getArea(id: AreaId): Area {
  const area = findArea(id);
  if (!area) throw new Error(`Unknown area ${id}`);
  return area;
}
