import { areaItemPaths } from "../tenants/tenant-paths.ts";

/** A rule is one page, without tabs. */
export const businessRulePaths = areaItemPaths("business-rules", "ruleId", {});
export const { itemPath: businessRulePath } = businessRulePaths;
