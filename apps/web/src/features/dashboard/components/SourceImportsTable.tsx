import type { DashboardSourceSystem } from "@idlife/contracts";
import { Link } from "react-router";
import { DataTable } from "../../../components/DataTable.tsx";
import { formatDateTime, formatNumber } from "../../../lib/format.ts";
import { ImportStatusBadge } from "../../source-systems/components/ImportStatusBadge.tsx";
import { describePersonCounts } from "../../source-systems/import-progress.ts";
import { sourceSystemPath } from "../../source-systems/source-system-paths.ts";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";

/** Each source system's last import: its state, when, and what it did to persons. */
export function SourceImportsTable({ sources }: { sources: DashboardSourceSystem[] }) {
  const tenant = useCurrentTenant();
  return (
    <DataTable
      caption="Last import of each source system"
      className="table--compact"
      columns={["Source system", "Last import", "When", "Persons", { label: "Blocked now", className: "table__number" }]}
      flush={false}
      items={sources}
      renderRow={(source) => {
        const last = source.lastImport;
        const path = (section: Parameters<typeof sourceSystemPath>[2]) => sourceSystemPath(tenant.tenantSlug, source.id, section);
        return (
          <>
            <td>
              <Link to={path("overview")}>{source.name}</Link>
              {!source.enabled && <span className="table__meta">Disabled</span>}
            </td>
            <td>
              {last ? (
                <Link to={path("imports")} aria-label={`Imports of ${source.name}`}>
                  <ImportStatusBadge run={last} />
                </Link>
              ) : (
                <span className="muted">Never imported</span>
              )}
            </td>
            <td className="table__nowrap">{last ? <time dateTime={last.finishedAt ?? last.createdAt}>{formatDateTime(last.finishedAt ?? last.createdAt)}</time> : <span className="muted">—</span>}</td>
            <td>{last?.persons ? describePersonCounts(last.persons) : <span className="muted">—</span>}</td>
            <td className="table__number">
              {source.blockedPersons > 0 ? (
                <Link to={path("blocked-persons")} aria-label={`${formatNumber(source.blockedPersons)} blocked persons of ${source.name}`}>
                  {formatNumber(source.blockedPersons)}
                </Link>
              ) : (
                "0"
              )}
            </td>
          </>
        );
      }}
    />
  );
}
