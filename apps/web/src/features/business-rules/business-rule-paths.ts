import { areaItemPaths } from "../tenants/tenant-paths.ts";

/** A rule is one page, without tabs. */
export const { itemPath: businessRulePath, newItemPath: newBusinessRulePath } = areaItemPaths("business-rules", {});
