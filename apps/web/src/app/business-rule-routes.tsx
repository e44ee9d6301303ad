import { areaRoutes } from "./area-routes.ts";

/* The rule editor is loaded when the area is first opened. */
export const businessRuleRoutes = areaRoutes(() => import("../features/business-rules/routes/index.ts"), "business-rules", {
  list: "BusinessRulesPage",
  create: "NewBusinessRulePage",
  item: { page: "BusinessRulePage", param: "ruleId" },
});
