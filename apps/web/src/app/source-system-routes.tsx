import { sourceSystemPaths, type SourceSystemSection } from "../features/source-systems/source-system-paths.ts";
import { areaRoutes } from "./area-routes.ts";

/* Each tab of a source system has its own address; the area is loaded when first opened, so signing in does not download the mapping editor. */
export const sourceSystemRoutes = areaRoutes(() => import("../features/source-systems/routes/index.ts"), sourceSystemPaths, {
  list: "SourceSystemsPage",
  create: "NewSourceSystemPage",
  item: "SourceSystemLayout",
  sections: {
    overview: "SourceSystemOverviewPage",
    mapping: "MappingPage",
    thresholds: "ThresholdsPage",
    schedule: "SchedulePage",
    imports: "ImportsPage",
    "blocked-persons": "BlockedPersonsPage",
    "raw-data": "RawDataPage",
  } as const satisfies Record<SourceSystemSection, string>,
});
