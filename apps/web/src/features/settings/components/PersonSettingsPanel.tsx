import { AggregationForm, ManagerOptionsForm, NameConventionForm } from "./PersonDecisionForms.tsx";
import { PrimaryContractCriteriaForm } from "./PrimaryContractCriteriaForm.tsx";
import { TenantPanel } from "./TenantPanel.tsx";

/** The tenant settings that decide persons; saving one re-decides every person. */
export function PersonSettingsPanel({ tenantId }: { tenantId: string }) {
  return (
    <TenantPanel tenantId={tenantId} title="Persons" description="How each person's primary contract, manager and display name are decided, and when records are merged.">
      {(tenant) => (
        <div className="stack stack--large">
          <PrimaryContractCriteriaForm tenant={tenant} />
          <ManagerOptionsForm tenant={tenant} />
          <NameConventionForm tenant={tenant} />
          <AggregationForm tenant={tenant} />
        </div>
      )}
    </TenantPanel>
  );
}
