import { ErrorAlert } from "../../../components/Alert.tsx";
import { EmptyState } from "../../../components/EmptyState.tsx";
import { QueryView } from "../../../components/pages/QueryView.tsx";
import { Panel } from "../../../components/Panel.tsx";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { usePermission } from "../../tenants/permissions.ts";
import { isImportActive, useImportsQuery, useStartImportMutation } from "../api/import-queries.ts";
import { ImportsTable } from "../components/ImportsTable.tsx";
import { LiveImport } from "../components/LiveImport.tsx";
import { UploadPanel } from "../components/UploadPanel.tsx";
import { csvUploadRoles } from "../csv-settings-form.ts";
import { useSourceSystem } from "./SourceSystemLayout.tsx";

export function ImportsPage() {
  const sourceSystem = useSourceSystem();
  const tenant = useCurrentTenant();
  const canOperate = usePermission("operate");
  const imports = useImportsQuery(tenant.tenantId, sourceSystem.id);
  const start = useStartImportMutation(tenant.tenantId, sourceSystem.id);
  const active = imports.data?.find(isImportActive);
  const isCsv = sourceSystem.connectorType === "csv";

  const importButton = canOperate ? (
    <button
      type="button"
      className="button button--primary"
      disabled={start.isPending || Boolean(active) || !sourceSystem.enabled}
      onClick={() => start.mutate()}
    >
      {start.isPending ? "Starting…" : "Import now"}
    </button>
  ) : undefined;

  return (
    <div className="stack stack--large">
      {isCsv && canOperate && (
        <Panel title="Upload files" description="Upload the export, then import it. An import uses the newest upload of each file.">
          <UploadPanel sourceSystemId={sourceSystem.id} roles={csvUploadRoles(sourceSystem.settings)} />
        </Panel>
      )}
      <section className="panel" aria-labelledby="imports-title">
        <header className="panel__header">
          <div>
            <h2 className="panel__title" id="imports-title">
              Imports
            </h2>
            <p className="panel__description">
              {sourceSystem.enabled
                ? "Each import fetches, stores the raw data, maps, checks the safety thresholds and then updates persons."
                : "This source system is disabled; enable it on the Overview tab to import."}
            </p>
          </div>
          {importButton}
        </header>
        {(start.error || active) && (
          <div className="panel__body stack">
            {start.error && <ErrorAlert error={start.error} title="The import did not start" />}
            {active && <LiveImport key={active.id} run={active} />}
          </div>
        )}
        <QueryView
          query={imports}
          loadingLabel="Loading imports…"
          padError
          empty={<EmptyState icon="source" title="No imports yet">{isCsv ? "Upload the files above, then choose Import now." : "Choose Import now to fetch persons from this source."}</EmptyState>}
        >
          {(runs) => <ImportsTable key={`${runs[0]?.id}-${runs[0]?.status}`} imports={runs} />}
        </QueryView>
      </section>
    </div>
  );
}
