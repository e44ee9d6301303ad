import { areaItemPaths } from "../tenants/tenant-paths.ts";

/** A person's tabs, in order, with their labels. */
export const personSections = { information: "Information", contracts: "Contracts", accounts: "Accounts", entitlements: "Entitlements", "target-actions": "Actions", history: "History", "raw-data": "Raw data", rules: "Rules" };
export type PersonSection = keyof typeof personSections;

export const personPaths = areaItemPaths("persons", "personId", personSections);
export const { itemPath: personPath } = personPaths;
