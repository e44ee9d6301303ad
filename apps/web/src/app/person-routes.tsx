import { personPaths, type PersonSection } from "../features/persons/person-paths.ts";
import { areaRoutes } from "./area-routes.ts";

/* Each tab of a person has its own address. */
export const personRoutes = areaRoutes(() => import("../features/persons/routes/index.ts"), personPaths, {
  list: "PersonsPage",
  item: "PersonLayout",
  sections: {
    information: "PersonInformationPage",
    contracts: "PersonContractsPage",
    accounts: "PersonAccountsPage",
    entitlements: "PersonEntitlementsPage",
    "target-actions": "PersonTargetActionsPage",
    history: "PersonHistoryPage",
    "raw-data": "PersonRawDataPage",
    rules: "PersonRulesPage",
  } as const satisfies Record<PersonSection, string>,
});
