import { useState } from "react";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { DataTable } from "../../../components/DataTable.tsx";
import { FilterBar, FilterField } from "../../../components/FilterBar.tsx";
import { LoadingState } from "../../../components/LoadingState.tsx";
import { Options } from "../../../components/Options.tsx";
import { Pager } from "../../../components/Pager.tsx";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import type { ChangesFilter } from "../api/business-rule-keys.ts";
import { CHANGES_PAGE_SIZE, useEvaluationChangesQuery, type Evaluation } from "../api/evaluation-queries.ts";
import { changesTotal, typeLabels, type ChangeAction, type EntitlementType } from "../evaluation-diff.ts";

/** The plan as a table: who gains or loses what in which system, and the rules behind it; filtered by action and kind. */
export function EvaluationChanges({ evaluation }: { evaluation: Evaluation }) {
  const tenant = useCurrentTenant();
  const [filter, setFilter] = useState<ChangesFilter>({ action: undefined, type: undefined, offset: 0 });
  const changes = useEvaluationChangesQuery(tenant.tenantId, evaluation.id, filter);
  const total = changesTotal(evaluation.counts.byKind, filter);
  return (
    <>
      <FilterBar label="Filter changes" onSubmit={() => undefined}>
        <FilterField id="change-action" label="Action">
          <select id="change-action" className="select" value={filter.action ?? ""} onChange={(event) => setFilter({ ...filter, action: (event.target.value || undefined) as ChangeAction | undefined, offset: 0 })}>
            <option value="">Grants and revokes</option>
            <option value="grant">Grants</option>
            <option value="revoke">Revokes</option>
          </select>
        </FilterField>
        <FilterField id="change-type" label="Kind">
          <select id="change-type" className="select" value={filter.type ?? ""} onChange={(event) => setFilter({ ...filter, type: (event.target.value || undefined) as EntitlementType | undefined, offset: 0 })}>
            <option value="">Every kind</option>
            <Options labels={typeLabels} />
          </select>
        </FilterField>
      </FilterBar>
      {changes.isPending ? (
        <LoadingState label="Loading the changes…" />
      ) : !changes.data ? (
        <ErrorAlert error={changes.error} />
      ) : changes.data.length === 0 ? (
        <p className="muted">No changes{filter.action || filter.type ? " of this kind" : ""}: nobody gains or loses anything.</p>
      ) : (
        <DataTable
          caption="Changes"
          columns={["Person", "System", "Change", "Kind", "Permission", "Rules"]}
          // A change has no id of its own; its place in the page is stable while the page is shown.
          items={changes.data.map((change, index) => ({ ...change, id: `${filter.offset + index}` }))}
          renderRow={(change) => (
            <>
              <td>{change.personName}</td>
              <td>{change.targetSystemName}</td>
              <td>
                <span className={`badge ${change.action === "grant" ? "badge--success" : "badge--danger"}`}>{change.action === "grant" ? "Grant" : "Revoke"}</span>
              </td>
              <td>{change.type}</td>
              <td>{change.permission ? `${change.permission.name ?? change.permission.id ?? ""}${change.permission.create ? " (created)" : ""}` : ""}</td>
              <td>{change.reasons.map((reason) => `${reason.ruleName}${reason.contracts.length ? ` (${reason.contracts.join(", ")})` : ""}`).join("; ") || change.why}</td>
            </>
          )}
        />
      )}
      <Pager offset={filter.offset} limit={CHANGES_PAGE_SIZE} total={total} onChange={(offset) => setFilter({ ...filter, offset })} label="Pages of changes" />
    </>
  );
}
