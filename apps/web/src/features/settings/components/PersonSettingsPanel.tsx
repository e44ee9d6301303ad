import { ErrorAlert } from "../../../components/Alert.tsx";
import { LoadingState } from "../../../components/LoadingState.tsx";
import { Panel } from "../../../components/Panel.tsx";
import { useTenantQuery } from "../../tenants/api/tenant-queries.ts";
import { AggregationForm, ManagerOptionsForm, NameConventionForm } from "./PersonDecisionForms.tsx";
import { PrimaryContractCriteriaForm } from "./PrimaryContractCriteriaForm.tsx";

/** The tenant settings that decide persons; saving one re-decides every person. */
export function PersonSettingsPanel({ tenantId }: { tenantId: string }) {
  const tenantQuery = useTenantQuery(tenantId);
  const tenant = tenantQuery.data;
  return (
    <Panel title="Persons" description="How each person's primary contract, manager and display name are decided, and when records are merged.">
      {tenantQuery.isPending ? (
        <LoadingState />
      ) : !tenant ? (
        <ErrorAlert error={tenantQuery.error} />
      ) : (
        <div className="stack stack--large">
          <PrimaryContractCriteriaForm tenant={tenant} />
          <ManagerOptionsForm tenant={tenant} />
          <NameConventionForm tenant={tenant} />
          <AggregationForm tenant={tenant} />
        </div>
      )}
    </Panel>
  );
}
