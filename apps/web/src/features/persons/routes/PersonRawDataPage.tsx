import { Link } from "react-router";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { EmptyState } from "../../../components/EmptyState.tsx";
import { JsonView } from "../../../components/JsonView.tsx";
import { LoadingState } from "../../../components/LoadingState.tsx";
import { Panel } from "../../../components/Panel.tsx";
import { useSourceSystemsQuery } from "../../source-systems/api/source-system-queries.ts";
import { sourceSystemPath } from "../../source-systems/source-system-paths.ts";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { usePersonRawQuery } from "../api/person-queries.ts";
import { usePerson } from "./PersonLayout.tsx";

/** The records this person was mapped from, per source, exactly as the latest import delivered them. */
export function PersonRawDataPage() {
  const person = usePerson();
  const tenant = useCurrentTenant();
  const raw = usePersonRawQuery(tenant.tenantId, person.id);
  const sourceSystems = useSourceSystemsQuery(tenant.tenantId).data;

  if (raw.isPending) return <LoadingState label="Loading raw data…" />;
  if (!raw.data) return <ErrorAlert error={raw.error} />;
  if (raw.data.length === 0) {
    return (
      <div className="panel">
        <EmptyState icon="source" title="No raw data">
          No source system delivers this person any more.
        </EmptyState>
      </div>
    );
  }
  return (
    <div className="stack stack--large">
      {raw.data.map((record) => {
        const sourceSystem = sourceSystems?.find((candidate) => candidate.id === record.sourceSystemId);
        return (
          <Panel
            key={`${record.sourceSystemId}:${record.sourceKey}`}
            title={sourceSystem?.name ?? "Source system"}
            description={
              <>
                Record <code className="code">{record.sourceKey}</code> of the latest import
                {sourceSystem && (
                  <>
                    {" · "}
                    <Link to={sourceSystemPath(tenant.tenantSlug, sourceSystem.id, "raw-data")}>all raw data of this source</Link>
                  </>
                )}
              </>
            }
          >
            <JsonView value={record.data} label={`Raw record ${record.sourceKey}`} maxHeight={640} />
          </Panel>
        );
      })}
    </div>
  );
}
