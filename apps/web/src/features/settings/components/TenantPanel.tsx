import type { Tenant } from "@idlife/contracts";
import type { ReactNode } from "react";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { LoadingState } from "../../../components/LoadingState.tsx";
import { Panel } from "../../../components/Panel.tsx";
import { useTenantQuery } from "../../tenants/api/tenant-queries.ts";

/** A settings panel about the tenant itself: loading, then its error, then `children` with the tenant. */
export function TenantPanel({ tenantId, title, description, children }: { tenantId: string; title: string; description: string; children: (tenant: Tenant) => ReactNode }) {
  const tenantQuery = useTenantQuery(tenantId);
  const tenant = tenantQuery.data;
  return (
    <Panel title={title} description={description}>
      {tenantQuery.isPending ? <LoadingState /> : !tenant ? <ErrorAlert error={tenantQuery.error} /> : children(tenant)}
    </Panel>
  );
}
