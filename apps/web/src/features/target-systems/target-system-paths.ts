import { areaItemPaths } from "../tenants/tenant-paths.ts";

/** A target system's tabs, in order, with their labels. */
export const targetSystemSections = { overview: "Settings", mapping: "Field mapping", permissions: "Permissions", inventory: "Inventory", actions: "Actions" };
export type TargetSystemSection = keyof typeof targetSystemSections;

export const targetSystemPaths = areaItemPaths("target-systems", "targetSystemId", targetSystemSections);
export const { itemPath: targetSystemPath } = targetSystemPaths;
