import { areaItemPaths } from "../tenants/tenant-paths.ts";

/** A rule is one page, without tabs. */
export const { itemPath: businessRulePath } = areaItemPaths("business-rules", {});
