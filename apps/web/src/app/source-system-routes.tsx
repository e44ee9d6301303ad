import type { RouteObject } from "react-router";

/*
 * Below /t/:tenantSlug; each tab of a source system has its own address. The area is loaded when
 * first opened, so signing in does not download the mapping editor.
 */
const load = () => import("../features/source-systems/routes/index.ts");

export const sourceSystemRoutes: RouteObject[] = [
  { path: "source-systems", lazy: { Component: async () => (await load()).SourceSystemsPage } },
  { path: "source-systems/new", lazy: { Component: async () => (await load()).NewSourceSystemPage } },
  {
    path: "source-systems/:sourceSystemId",
    lazy: { Component: async () => (await load()).SourceSystemLayout },
    children: [
      { index: true, lazy: { Component: async () => (await load()).SourceSystemOverviewPage } },
      { path: "mapping", lazy: { Component: async () => (await load()).MappingPage } },
      { path: "thresholds", lazy: { Component: async () => (await load()).ThresholdsPage } },
      { path: "schedule", lazy: { Component: async () => (await load()).SchedulePage } },
      { path: "imports", lazy: { Component: async () => (await load()).ImportsPage } },
      { path: "blocked-persons", lazy: { Component: async () => (await load()).BlockedPersonsPage } },
      { path: "raw-data", lazy: { Component: async () => (await load()).RawDataPage } },
    ],
  },
];
