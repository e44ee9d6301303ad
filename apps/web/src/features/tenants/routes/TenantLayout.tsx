import { useParams } from "react-router";
import { useSignedInUser } from "../../auth/components/SignedInUser.tsx";
import { AppShell } from "../../shell/components/AppShell.tsx";
import { CurrentTenantContext } from "../components/CurrentTenant.tsx";
import { findMembership } from "../tenant-paths.ts";
import { TenantNotFoundPage } from "./TenantNotFoundPage.tsx";

/** Resolves /t/:tenantSlug to one of the person's memberships; the shell only exists inside a tenant. */
export function TenantLayout() {
  const { tenantSlug } = useParams();
  const user = useSignedInUser();
  const membership = findMembership(user, tenantSlug);
  if (!membership) return <TenantNotFoundPage tenantSlug={tenantSlug ?? ""} />;
  return (
    <CurrentTenantContext value={membership}>
      <AppShell />
    </CurrentTenantContext>
  );
}
