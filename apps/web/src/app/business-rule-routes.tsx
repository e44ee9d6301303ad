import { businessRulePaths } from "../features/business-rules/business-rule-paths.ts";
import { areaRoutes } from "./area-routes.ts";

/* The rule editor is loaded when the area is first opened. */
export const businessRuleRoutes = areaRoutes(() => import("../features/business-rules/routes/index.ts"), businessRulePaths, {
  list: "BusinessRulesPage",
  create: "NewBusinessRulePage",
  item: "BusinessRulePage",
});
