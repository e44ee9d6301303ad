import type { SourceSystem } from "@idlife/contracts";
import { DataTable, PrimaryLink } from "../../../components/DataTable.tsx";
import { EnabledBadge } from "../../../components/SystemSummary.tsx";
import { formatDateTime } from "../../../lib/format.ts";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { useImportsQuery } from "../api/import-queries.ts";
import { connectorLabels } from "../connector-types.ts";
import { sourceSystemPath } from "../source-system-paths.ts";
import { ImportStatusBadge } from "./ImportStatusBadge.tsx";

export function SourceSystemsTable({ sourceSystems }: { sourceSystems: SourceSystem[] }) {
  const tenant = useCurrentTenant();
  return (
    <DataTable
      caption="Source systems"
      columns={["Name", "Connector", "Status", "Last import"]}
      flush={false}
      items={sourceSystems}
      renderRow={(sourceSystem) => (
        <>
          <td>
            <PrimaryLink to={sourceSystemPath(tenant.tenantSlug, sourceSystem.id)}>{sourceSystem.name}</PrimaryLink>
          </td>
          <td>{connectorLabels[sourceSystem.connectorType]}</td>
          <td>
            <EnabledBadge enabled={sourceSystem.enabled} />
          </td>
          <td>
            <LastImport tenantId={tenant.tenantId} sourceSystemId={sourceSystem.id} />
          </td>
        </>
      )}
    />
  );
}

/**
 * The list endpoint does not carry the last import, so each row asks for its newest import.
 * A handful of source systems per tenant keeps this cheap; it shares the cache with the detail.
 */
function LastImport({ tenantId, sourceSystemId }: { tenantId: string; sourceSystemId: string }) {
  const imports = useImportsQuery(tenantId, sourceSystemId, 1);
  if (imports.isPending) return <span className="muted">…</span>;
  const latest = imports.data?.[0];
  if (!latest) return <span className="muted">{imports.error ? "Unknown" : "Never imported"}</span>;
  const time = latest.finishedAt ?? latest.startedAt ?? latest.createdAt;
  return (
    <span className="inline-meta">
      <ImportStatusBadge run={latest} />
      <time className="muted" dateTime={time}>
        {formatDateTime(time)}
      </time>
    </span>
  );
}
