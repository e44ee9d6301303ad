import { Link } from "react-router";
import { PageHeader } from "../../../components/PageHeader.tsx";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { tenantAreaPath } from "../../tenants/tenant-paths.ts";

export function AreaNotFoundPage() {
  const tenant = useCurrentTenant();
  return (
    <>
      <title>{`Page not found · ${tenant.tenantName} · idlife`}</title>
      <PageHeader title="Page not found" description="This page does not exist in idlife, or it has moved." />
      <p>
        <Link to={tenantAreaPath(tenant.tenantSlug)}>Go to the dashboard of {tenant.tenantName}</Link>
      </p>
    </>
  );
}
