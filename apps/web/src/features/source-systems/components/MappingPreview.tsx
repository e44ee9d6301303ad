import type { ConnectorType, MappingDefinition } from "@idlife/contracts";
import { useDeferredValue, useState } from "react";
import { Alert, ErrorAlert } from "../../../components/Alert.tsx";
import { JsonView } from "../../../components/JsonView.tsx";
import { Panel } from "../../../components/Panel.tsx";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { useMappingPreviewMutation, type MappingPreview as PreviewResult } from "../api/mapping-queries.ts";
import { useRawRecordsQuery } from "../api/raw-data-queries.ts";
import { recordSummary } from "../raw-records.ts";
import { splitColumns } from "../csv-settings-form.ts";

const MAX_RECORDS = 20;

/**
 * Runs the mapping on the screen (saved or not) against raw records the administrator picks,
 * and shows each raw record next to the person it becomes, or why it would be blocked. A CSV
 * source can also preview on its latest uploaded files, so the first import does not run on a
 * guessed mapping.
 */
export function MappingPreview({
  sourceSystemId,
  connectorType,
  buildMapping,
  mappingVersion,
}: {
  sourceSystemId: string;
  connectorType: ConnectorType;
  /** The unsaved mapping, or the reason it cannot be previewed yet. */
  buildMapping: () => { definition: MappingDefinition } | { problem: string };
  /** Changes whenever the mapping on the screen changes, to mark an older preview as outdated. */
  mappingVersion: string;
}) {
  const tenant = useCurrentTenant();
  const [search, setSearch] = useState("");
  const deferredSearch = useDeferredValue(search);
  const [selected, setSelected] = useState<string[]>([]);
  const [problem, setProblem] = useState<string>();
  const [previewedVersion, setPreviewedVersion] = useState<string>();
  const records = useRawRecordsQuery(tenant.tenantId, sourceSystemId, { search: deferredSearch, kind: "person", offset: 0, limit: 10 });
  const preview = useMappingPreviewMutation(tenant.tenantId, sourceSystemId);
  const noRawData = records.data && records.data.importId === null;
  const [chosenFrom, setChosenFrom] = useState<"import" | "upload">();
  const [uploadKeys, setUploadKeys] = useState("");
  const canUseUploads = connectorType === "csv";
  const from = chosenFrom ?? (noRawData && canUseUploads ? "upload" : "import");

  function toggle(sourceKey: string, checked: boolean) {
    setSelected((current) => (checked ? [...current, sourceKey].slice(-MAX_RECORDS) : current.filter((key) => key !== sourceKey)));
  }

  function run() {
    const built = buildMapping();
    if ("problem" in built) {
      setProblem(built.problem);
      return;
    }
    setProblem(undefined);
    setPreviewedVersion(mappingVersion);
    const keys = from === "upload" ? splitColumns(uploadKeys).slice(0, MAX_RECORDS) : selected;
    preview.mutate({ mapping: built.definition, from, ...(keys.length > 0 ? { sourceKeys: keys } : {}) });
  }

  const runButton = (
    <button type="button" className="button button--primary" onClick={run} disabled={preview.isPending}>
      {preview.isPending ? "Running…" : from === "upload" ? "Run preview on the uploaded files" : "Run preview"}
    </button>
  );

  return (
    <Panel
      title="Preview"
      description="Try the mapping on the screen, saved or not, on raw records of the latest import or (CSV) on the uploaded files. Nothing is changed."
    >
      {noRawData && !canUseUploads ? (
        <p className="muted">There is no raw data yet. Import once; then pick records here to preview the mapping on them.</p>
      ) : (
        <div className="preview">
          <div className="preview__picker">
            {canUseUploads && (
              <fieldset className="fieldset">
                <legend className="field__label">Preview on</legend>
                <div className="choice-row">
                  <label className="choice">
                    <input type="radio" name="preview-from" checked={from === "import"} disabled={noRawData} onChange={() => setChosenFrom("import")} />
                    <span className="choice__label">The latest import</span>
                  </label>
                  <label className="choice">
                    <input type="radio" name="preview-from" checked={from === "upload"} onChange={() => setChosenFrom("upload")} />
                    <span className="choice__label">The uploaded files</span>
                  </label>
                </div>
              </fieldset>
            )}
            {from === "upload" ? (
              <>
                <div className="field">
                  <label className="field__label" htmlFor="preview-upload-keys">
                    Person keys (optional)
                  </label>
                  <input
                    id="preview-upload-keys"
                    className="input input--mono"
                    placeholder="e.g. 100101, 100142"
                    value={uploadKeys}
                    onChange={(event) => setUploadKeys(event.target.value)}
                    autoComplete="off"
                  />
                  <p className="field__hint">
                    The latest upload of each file is read now with the connector settings and mapped; nothing is stored or imported. Without keys
                    the first 5 persons of the file are used.
                  </p>
                </div>
                <div className="preview__run">{runButton}</div>
              </>
            ) : (
              <>
                <div className="field">
                  <label className="field__label" htmlFor="preview-search">
                    Find raw records
                  </label>
                  <input
                    id="preview-search"
                    className="input"
                    type="search"
                    placeholder="Key, name or any value"
                    value={search}
                    onChange={(event) => setSearch(event.target.value)}
                  />
                </div>
                {records.error && <ErrorAlert error={records.error} />}
                <fieldset className="fieldset">
                  <legend className="visually-hidden">Raw records to preview</legend>
                  <ul className="record-picker" aria-busy={records.isFetching}>
                    {records.data?.items.map((record) => (
                      <li key={record.sourceKey}>
                        <label className="record-picker__item">
                          <input
                            type="checkbox"
                            checked={selected.includes(record.sourceKey)}
                            onChange={(event) => toggle(record.sourceKey, event.target.checked)}
                          />
                          <span>
                            <span className="record-picker__key">{record.sourceKey}</span>
                            <span className="record-picker__summary">{recordSummary(record.data)}</span>
                          </span>
                        </label>
                      </li>
                    ))}
                    {records.data?.items.length === 0 && <li className="muted">No raw records match “{search}”.</li>}
                  </ul>
                </fieldset>
                <div className="preview__run">
                  {runButton}
                  <span className="muted">
                    {selected.length === 0 ? "No records picked: the first 5 are used." : `${selected.length} picked: ${selected.join(", ")}`}
                  </span>
                </div>
              </>
            )}
          </div>
          <div className="preview__results" aria-live="polite">
            {problem && (
              <Alert tone="error" title="Fix the mapping first">
                {problem}
              </Alert>
            )}
            {preview.error && <ErrorAlert error={preview.error} title="The preview did not run" />}
            {preview.data && previewedVersion !== mappingVersion && (
              <Alert tone="info">The mapping changed after this preview. Run it again to see the effect.</Alert>
            )}
            {preview.data?.origin === "upload" && <p className="muted">Read from {preview.data.files.join(" and ")}; not imported.</p>}
            {preview.data && <PreviewResults result={preview.data} />}
          </div>
        </div>
      )}
    </Panel>
  );
}

function PreviewResults({ result }: { result: PreviewResult }) {
  if (result.items.length === 0) return <p className="muted">No raw records to preview.</p>;
  return (
    <>
      {result.warnings.length > 0 && (
        <Alert tone="info" title="Check these date columns">
          <ul className="reason-list">
            {result.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </Alert>
      )}
      <PreviewItems result={result} />
    </>
  );
}

function PreviewItems({ result }: { result: PreviewResult }) {
  return (
    <ol className="preview-list">
      {result.items.map((item) => (
        <li key={item.sourceKey}>
          <article className="preview-item" aria-label={`Preview of record ${item.sourceKey}`}>
            <header className="preview-item__header">
              <h3 className="preview-item__title">Record {item.sourceKey}</h3>
              {item.result.status === "mapped" ? (
                <span className="badge badge--success">Mapped</span>
              ) : (
                <span className="badge badge--warning">Blocked</span>
              )}
            </header>
            <div className="side-by-side">
              <section aria-label="Raw record">
                <h4 className="side-by-side__title">Raw record</h4>
                <JsonView value={item.raw} maxHeight={420} />
              </section>
              <section aria-label={item.result.status === "mapped" ? "Mapped person" : "Blocked reasons"}>
                <h4 className="side-by-side__title">{item.result.status === "mapped" ? "Mapped person" : "Why it is blocked"}</h4>
                {item.result.status === "mapped" ? (
                  <JsonView value={item.result.person} maxHeight={420} />
                ) : (
                  <ul className="reason-list">
                    {item.result.reasons.map((reason) => (
                      <li key={reason}>{reason}</li>
                    ))}
                  </ul>
                )}
              </section>
            </div>
          </article>
        </li>
      ))}
    </ol>
  );
}
