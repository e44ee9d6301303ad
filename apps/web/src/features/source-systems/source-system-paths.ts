import { areaItemPaths } from "../tenants/tenant-paths.ts";

/** A source system's tabs, in order, with their labels. */
export const sourceSystemSections = { overview: "Overview", mapping: "Mapping", thresholds: "Thresholds", schedule: "Schedule", imports: "Imports", "blocked-persons": "Blocked persons", "raw-data": "Raw data" };
export type SourceSystemSection = keyof typeof sourceSystemSections;

export const sourceSystemPaths = areaItemPaths("source-systems", "sourceSystemId", sourceSystemSections);
export const { itemPath: sourceSystemPath } = sourceSystemPaths;
