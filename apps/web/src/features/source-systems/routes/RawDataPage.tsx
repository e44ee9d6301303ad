import { useDeferredValue, useState } from "react";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { EmptyState } from "../../../components/EmptyState.tsx";
import { JsonView } from "../../../components/JsonView.tsx";
import { LoadingState } from "../../../components/LoadingState.tsx";
import { Pager } from "../../../components/Pager.tsx";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { useRawRecordsQuery } from "../api/raw-data-queries.ts";
import type { RawRecordsFilter } from "../api/source-system-keys.ts";
import { recordSummary } from "../raw-records.ts";
import { useSourceSystem } from "./SourceSystemLayout.tsx";

const PAGE_SIZE = 25;

/** The latest import's records exactly as delivered: what one debugs a mapping with. */
export function RawDataPage() {
  const sourceSystem = useSourceSystem();
  const tenant = useCurrentTenant();
  const [search, setSearch] = useState("");
  const [kind, setKind] = useState<RawRecordsFilter["kind"]>("person");
  const [offset, setOffset] = useState(0);
  const deferredSearch = useDeferredValue(search);
  const records = useRawRecordsQuery(tenant.tenantId, sourceSystem.id, { search: deferredSearch, kind, offset, limit: PAGE_SIZE });
  const page = records.data;

  return (
    <section className="panel" aria-labelledby="raw-title">
      <header className="panel__header">
        <div>
          <h2 className="panel__title" id="raw-title">
            Raw data
          </h2>
          <p className="panel__description">Records of the latest import, exactly as the source delivered them.</p>
          {page && page.hiddenFields.length > 0 && (
            <p className="panel__description">
              Shown as [hidden] and left out of the search: {page.hiddenFields.join(", ")}. They become personal contact data, which your role does not show.
              {page.personalFieldsNotFollowed.length > 0 && ` The source fields of ${page.personalFieldsNotFollowed.join(", ")} are not known (read by a script) and not hidden.`}
            </p>
          )}
        </div>
      </header>
      <div className="panel__body">
        <div className="filter-bar" role="search">
          <div className="field filter-bar__search">
            <label className="field__label" htmlFor="raw-search">
              Search
            </label>
            <input
              id="raw-search"
              className="input"
              type="search"
              placeholder="Key or any value"
              value={search}
              onChange={(event) => {
                setSearch(event.target.value);
                setOffset(0);
              }}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="raw-kind">
              Records
            </label>
            <select
              id="raw-kind"
              className="select"
              value={kind}
              onChange={(event) => {
                setKind(event.target.value as RawRecordsFilter["kind"]);
                setOffset(0);
              }}
            >
              <option value="person">Persons</option>
              <option value="department">Departments</option>
            </select>
          </div>
        </div>
      </div>
      {records.isPending ? (
        <LoadingState label="Loading raw data…" />
      ) : !page ? (
        <div className="panel__body">
          <ErrorAlert error={records.error} />
        </div>
      ) : page.importId === null ? (
        <EmptyState icon="source" title="No raw data yet">
          Raw data appears after the first import that completes (or is blocked by a threshold).
        </EmptyState>
      ) : page.items.length === 0 ? (
        <EmptyState icon="empty" title="No records match">
          {search ? `No ${kind === "person" ? "person" : "department"} records contain “${search}”.` : "This import delivered no records of this kind."}
        </EmptyState>
      ) : (
        <>
          <ul className="raw-list" aria-busy={records.isFetching}>
            {page.items.map((record) => (
              <li key={record.sourceKey} className="raw-list__item">
                <details>
                  <summary className="raw-list__summary">
                    <code className="code">{record.sourceKey}</code>
                    <span className="raw-list__preview">{recordSummary(record.data, 5)}</span>
                  </summary>
                  <JsonView value={record.data} label={`Raw record ${record.sourceKey}`} maxHeight={480} />
                </details>
              </li>
            ))}
          </ul>
          <div className="panel__footer panel__footer--split">
            <Pager offset={offset} limit={PAGE_SIZE} total={page.total} onChange={setOffset} label="Raw data pages" />
          </div>
        </>
      )}
    </section>
  );
}
