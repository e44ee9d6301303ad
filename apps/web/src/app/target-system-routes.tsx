import type { RouteObject } from "react-router";

/* Below /t/:tenantSlug; each tab of a target system has its own address. Loaded when first opened. */
const load = () => import("../features/target-systems/routes/index.ts");

export const targetSystemRoutes: RouteObject[] = [
  { path: "target-systems", lazy: { Component: async () => (await load()).TargetSystemsPage } },
  { path: "target-systems/new", lazy: { Component: async () => (await load()).NewTargetSystemPage } },
  {
    path: "target-systems/:targetSystemId",
    lazy: { Component: async () => (await load()).TargetSystemLayout },
    children: [
      { index: true, lazy: { Component: async () => (await load()).TargetSystemOverviewPage } },
      { path: "mapping", lazy: { Component: async () => (await load()).TargetMappingPage } },
      { path: "permissions", lazy: { Component: async () => (await load()).TargetPermissionsPage } },
      { path: "inventory", lazy: { Component: async () => (await load()).TargetInventoryPage } },
      { path: "actions", lazy: { Component: async () => (await load()).TargetActionsPage } },
    ],
  },
];
