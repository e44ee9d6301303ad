import type { AuditFilter } from "@idlife/contracts";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { EmptyState } from "../../../components/EmptyState.tsx";
import { LoadingState } from "../../../components/LoadingState.tsx";
import { AreaPage } from "../../shell/components/AreaPage.tsx";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { useAuditLogQuery, useExportAuditLogMutation } from "../api/audit-log-queries.ts";
import { auditFilterSearch, hasAuditFilter, readAuditFilter } from "../audit-log-filter.ts";
import { AuditLogFilters } from "../components/AuditLogFilters.tsx";
import { AuditLogTable } from "../components/AuditLogTable.tsx";

export function AuditLogPage() {
  const tenant = useCurrentTenant();
  const [params, setParams] = useSearchParams();
  const filter = readAuditFilter(params);
  const auditLog = useAuditLogQuery(tenant.tenantId, { ...filter, limit: 50 });
  const exportCsv = useExportAuditLogMutation(tenant.tenantId);
  const [separator, setSeparator] = useState<"," | ";">(",");
  const setFilter = (next: AuditFilter) => setParams(auditFilterSearch(next), { replace: true });
  const entries = auditLog.data?.pages.flatMap((page) => page.items) ?? [];

  const exportControls = (
    <div className="audit-log__export">
      <label className="visually-hidden" htmlFor="audit-separator">
        CSV separator
      </label>
      <select id="audit-separator" className="select" value={separator} onChange={(event) => setSeparator(event.target.value as "," | ";")}>
        <option value=",">Comma separated</option>
        <option value=";">Semicolon separated (Excel, Dutch)</option>
      </select>
      <button type="button" className="button button--secondary" disabled={exportCsv.isPending} onClick={() => exportCsv.mutate({ filter, separator })}>
        {exportCsv.isPending ? "Exporting…" : "Export CSV"}
      </button>
    </div>
  );

  return (
    <AreaPage areaId="audit-log" description="Sign-ins and every change made in this tenant, newest first." actions={exportControls}>
      <div className="stack">
        {exportCsv.error && <ErrorAlert error={exportCsv.error} title="The export did not download" />}
        <div className="panel">
          <div className="panel__body panel__body--filters">
            <AuditLogFilters filter={filter} onChange={setFilter} />
          </div>
          {auditLog.isPending ? (
            <LoadingState label="Loading the audit log…" />
          ) : auditLog.error && entries.length === 0 ? (
            <div className="panel__body">
              <ErrorAlert error={auditLog.error} />
            </div>
          ) : entries.length === 0 ? (
            hasAuditFilter(filter) ? (
              <EmptyState icon="audit" title="No entries match">
                Nothing in the audit log matches these filters. Try fewer filters or a wider time range.
              </EmptyState>
            ) : (
              <EmptyState icon="audit">Sign-ins and changes appear here as soon as they happen.</EmptyState>
            )
          ) : (
            <>
              <div aria-busy={auditLog.isFetching}>
                <AuditLogTable entries={entries} onFilter={(change) => setFilter({ ...filter, ...change })} />
              </div>
              {auditLog.hasNextPage && (
                <div className="panel__footer">
                  <button type="button" className="button button--secondary" onClick={() => void auditLog.fetchNextPage()} disabled={auditLog.isFetchingNextPage}>
                    {auditLog.isFetchingNextPage ? "Loading…" : "Show older entries"}
                  </button>
                </div>
              )}
            </>
          )}
        </div>
      </div>
    </AreaPage>
  );
}
