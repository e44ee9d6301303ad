import { useState } from "react";
import { EmptyState } from "../../../components/EmptyState.tsx";
import { QueryView } from "../../../components/pages/QueryView.tsx";
import { Panel } from "../../../components/Panel.tsx";
import { SelectField } from "../../../components/SelectField.tsx";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { useTargetActionsQuery } from "../api/target-system-queries.ts";
import { TargetActionsTable } from "../components/TargetActionsTable.tsx";
import { useTargetSystem } from "./TargetSystemLayout.tsx";

const states = ["planned", "running", "succeeded", "failed", "blocked", "skipped"] as const;

/** The work table of the system: every action, newest first. */
export function TargetActionsPage() {
  const system = useTargetSystem();
  const tenant = useCurrentTenant();
  const [state, setState] = useState<string>("");
  const actions = useTargetActionsQuery(tenant.tenantId, system.id, state || undefined);
  return (
    <Panel
      title="Actions"
      actions={
        <SelectField label="State" value={state} onChange={(event) => setState(event.target.value)}>
          <option value="">All states</option>
          {states.map((entry) => (
            <option key={entry} value={entry}>
              {entry}
            </option>
          ))}
        </SelectField>
      }
    >
      <QueryView query={actions} loadingLabel="Loading actions…" empty={<EmptyState title="No actions">Actions appear here when accounts or permissions are requested.</EmptyState>}>
        {(rows) => <TargetActionsTable actions={rows} showSystem={false} />}
      </QueryView>
    </Panel>
  );
}
