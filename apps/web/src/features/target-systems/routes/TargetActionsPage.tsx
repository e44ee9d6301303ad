import { useState } from "react";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { EmptyState } from "../../../components/EmptyState.tsx";
import { LoadingState } from "../../../components/LoadingState.tsx";
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
      {actions.isPending ? (
        <LoadingState label="Loading actions…" />
      ) : !actions.data ? (
        <ErrorAlert error={actions.error} />
      ) : actions.data.length === 0 ? (
        <EmptyState title="No actions">Actions appear here when accounts or permissions are requested.</EmptyState>
      ) : (
        <TargetActionsTable actions={actions.data} showSystem={false} />
      )}
    </Panel>
  );
}
