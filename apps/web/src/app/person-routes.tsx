import type { RouteObject } from "react-router";

/** Below /t/:tenantSlug; loaded when the persons area is first opened. */
const load = () => import("../features/persons/routes/index.ts");

export const personRoutes: RouteObject[] = [
  { path: "persons", lazy: { Component: async () => (await load()).PersonsPage } },
  {
    path: "persons/:personId",
    lazy: { Component: async () => (await load()).PersonLayout },
    children: [
      { index: true, lazy: { Component: async () => (await load()).PersonInformationPage } },
      { path: "contracts", lazy: { Component: async () => (await load()).PersonContractsPage } },
      { path: "history", lazy: { Component: async () => (await load()).PersonHistoryPage } },
      { path: "raw-data", lazy: { Component: async () => (await load()).PersonRawDataPage } },
      { path: "rules", lazy: { Component: async () => (await load()).PersonRulesPage } },
    ],
  },
];
