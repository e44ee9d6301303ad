import { targetSystemPaths, type TargetSystemSection } from "../features/target-systems/target-system-paths.ts";
import { areaRoutes } from "./area-routes.ts";

/* Each tab of a target system has its own address. */
export const targetSystemRoutes = areaRoutes(() => import("../features/target-systems/routes/index.ts"), targetSystemPaths, {
  list: "TargetSystemsPage",
  create: "NewTargetSystemPage",
  item: "TargetSystemLayout",
  sections: { overview: "TargetSystemOverviewPage", mapping: "TargetMappingPage", permissions: "TargetPermissionsPage", inventory: "TargetInventoryPage", actions: "TargetActionsPage" } as const satisfies Record<TargetSystemSection, string>,
});
