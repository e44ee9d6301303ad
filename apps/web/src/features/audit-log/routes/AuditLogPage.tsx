import { ErrorAlert } from "../../../components/Alert.tsx";
import { EmptyState } from "../../../components/EmptyState.tsx";
import { LoadingState } from "../../../components/LoadingState.tsx";
import { AreaPage } from "../../shell/components/AreaPage.tsx";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { useAuditLogQuery } from "../api/audit-log-queries.ts";
import { AuditLogTable } from "../components/AuditLogTable.tsx";

export function AuditLogPage() {
  const tenant = useCurrentTenant();
  const auditLog = useAuditLogQuery(tenant.tenantId, { limit: 50 });
  const entries = auditLog.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <AreaPage areaId="audit-log" description="Sign-ins and every change made in this tenant, newest first.">
      <div className="panel">
        {auditLog.isPending ? (
          <LoadingState label="Loading the audit log…" />
        ) : auditLog.error && entries.length === 0 ? (
          <div className="panel__body">
            <ErrorAlert error={auditLog.error} />
          </div>
        ) : entries.length === 0 ? (
          <EmptyState icon="audit">Sign-ins and changes appear here as soon as they happen.</EmptyState>
        ) : (
          <>
            <AuditLogTable entries={entries} />
            {auditLog.hasNextPage && (
              <div className="panel__footer">
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => void auditLog.fetchNextPage()}
                  disabled={auditLog.isFetchingNextPage}
                >
                  {auditLog.isFetchingNextPage ? "Loading…" : "Show older entries"}
                </button>
              </div>
            )}
          </>
        )}
      </div>
    </AreaPage>
  );
}
