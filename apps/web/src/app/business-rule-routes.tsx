import type { RouteObject } from "react-router";

/** Below /t/:tenantSlug; the rule editor is loaded when the area is first opened. */
const load = () => import("../features/business-rules/routes/index.ts");

export const businessRuleRoutes: RouteObject[] = [
  { path: "business-rules", lazy: { Component: async () => (await load()).BusinessRulesPage } },
  { path: "business-rules/new", lazy: { Component: async () => (await load()).NewBusinessRulePage } },
  { path: "business-rules/:ruleId", lazy: { Component: async () => (await load()).BusinessRulePage } },
];
