import { EmptyState } from "../../../components/EmptyState.tsx";
import { QueryView } from "../../../components/pages/QueryView.tsx";
import { Panel } from "../../../components/Panel.tsx";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { usePersonTargetActionsQuery } from "../../target-systems/api/person-target-queries.ts";
import { TargetActionsTable } from "../../target-systems/components/TargetActionsTable.tsx";
import { usePerson } from "./PersonLayout.tsx";

/** Every action on the person's accounts and permissions, newest first. */
export function PersonTargetActionsPage() {
  const person = usePerson();
  const tenant = useCurrentTenant();
  const actions = usePersonTargetActionsQuery(tenant.tenantId, person.id);
  return (
    <Panel title="Actions in target systems">
      <QueryView query={actions} loadingLabel="Loading actions…" empty={<EmptyState title="No actions yet">Account and permission actions for this person appear here.</EmptyState>}>
        {(rows) => <TargetActionsTable actions={rows} showSystem />}
      </QueryView>
    </Panel>
  );
}
