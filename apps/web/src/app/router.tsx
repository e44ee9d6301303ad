import { Navigate, createBrowserRouter, type RouteObject } from "react-router";
import { AuditLogPage } from "../features/audit-log/routes/AuditLogPage.tsx";
import { ForgotPasswordPage } from "../features/auth/routes/ForgotPasswordPage.tsx";
import { HomePage } from "../features/auth/routes/HomePage.tsx";
import { InvitationsPage } from "../features/auth/routes/InvitationsPage.tsx";
import { RequireSignedIn } from "../features/auth/routes/RequireSignedIn.tsx";
import { ResetPasswordPage } from "../features/auth/routes/ResetPasswordPage.tsx";
import { SignInPage } from "../features/auth/routes/SignInPage.tsx";
import { SignUpPage } from "../features/auth/routes/SignUpPage.tsx";
import { PlatformTenantsPage } from "../features/platform/routes/PlatformTenantsPage.tsx";
import { DashboardPage } from "../features/dashboard/routes/DashboardPage.tsx";
import { SettingsPage } from "../features/settings/routes/SettingsPage.tsx";
import { AreaNotFoundPage } from "../features/shell/routes/AreaNotFoundPage.tsx";
import { AreaPlaceholderPage } from "../features/shell/routes/AreaPlaceholderPage.tsx";
import type { AreaId } from "../features/shell/navigation.ts";
import { TenantLayout } from "../features/tenants/routes/TenantLayout.tsx";
import { FullPageLoading } from "../components/LoadingState.tsx";
import { NotFoundPage } from "./NotFoundPage.tsx";
import { businessRuleRoutes } from "./business-rule-routes.tsx";
import { personRoutes } from "./person-routes.tsx";
import { sourceSystemRoutes } from "./source-system-routes.tsx";
import { RouteErrorPage } from "./RouteErrorPage.tsx";

const placeholderAreas: AreaId[] = [
  "target-systems",
  "notifications",
  "forms",
];

export const routes: RouteObject[] = [
  {
    errorElement: <RouteErrorPage />,
    // Shown while an area loaded on demand (source systems, persons) arrives on a first visit.
    hydrateFallbackElement: <FullPageLoading />,
    children: [
      { path: "/sign-in", element: <SignInPage /> },
      { path: "/sign-up", element: <SignUpPage /> },
      { path: "/forgot-password", element: <ForgotPasswordPage /> },
      { path: "/reset-password", element: <ResetPasswordPage /> },
      {
        element: <RequireSignedIn />,
        children: [
          { index: true, element: <HomePage /> },
          { path: "/invitations", element: <InvitationsPage /> },
          { path: "/platform/tenants", element: <PlatformTenantsPage /> },
          {
            path: "/t/:tenantSlug",
            element: <TenantLayout />,
            children: [
              { index: true, element: <Navigate to="dashboard" replace /> },
              { path: "dashboard", element: <DashboardPage /> },
              ...placeholderAreas.map((areaId) => ({ path: areaId, element: <AreaPlaceholderPage areaId={areaId} /> })),
              ...sourceSystemRoutes,
              ...personRoutes,
              ...businessRuleRoutes,
              { path: "audit-log", element: <AuditLogPage /> },
              { path: "settings", element: <SettingsPage /> },
              { path: "*", element: <AreaNotFoundPage /> },
            ],
          },
        ],
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
