import type { MappingDefinition } from "@idlife/contracts";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useBlocker } from "react-router";
import { Alert, ErrorAlert } from "../../../components/Alert.tsx";
import { ConfirmDialog } from "../../../components/ConfirmDialog.tsx";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { usePermission } from "../../tenants/permissions.ts";
import { useRawRecordsQuery } from "../api/raw-data-queries.ts";
import { useUpdateSourceSystemMutation } from "../api/source-system-queries.ts";
import { MappingFileActions } from "../components/MappingFileActions.tsx";
import { MappingPreview } from "../components/MappingPreview.tsx";
import { MappingTable } from "../components/MappingTable.tsx";
import { definitionToRows, rowsToDefinition, type MappingRows, type MappingTab, type RowProblem } from "../mapping-rows.ts";
import { sourceFieldNames } from "../raw-records.ts";
import { useSourceSystem } from "./SourceSystemLayout.tsx";

const tabLabels: Record<MappingTab, string> = { person: "Person", contract: "Contract" };

export function MappingPage() {
  const sourceSystem = useSourceSystem();
  const tenant = useCurrentTenant();
  const canConfigure = usePermission("configure");
  const update = useUpdateSourceSystemMutation(tenant.tenantId, sourceSystem.id);
  const [rows, setRows] = useState<MappingRows>(() => definitionToRows(sourceSystem.mapping));
  const [activeTab, setActiveTab] = useState<MappingTab>("person");
  const [showProblems, setShowProblems] = useState(false);
  const [notice, setNotice] = useState<{ tone: "success" | "info" | "error"; title: string; messages: string[] }>();

  const built = useMemo(() => rowsToDefinition(rows, sourceSystem.mapping.department), [rows, sourceSystem.mapping.department]);
  const savedJson = JSON.stringify(rowsToDefinition(definitionToRows(sourceSystem.mapping), sourceSystem.mapping.department).definition);
  const currentJson = JSON.stringify(built.definition);
  const dirty = built.problems.length > 0 || currentJson !== savedJson;
  const problems: RowProblem[] = showProblems ? built.problems : [];

  const sample = useRawRecordsQuery(tenant.tenantId, sourceSystem.id, { search: "", kind: "person", offset: 0, limit: 20 });
  const sourceFields = useMemo(
    () => sourceFieldNames(sample.data?.items.map((item) => item.data) ?? [], activeTab),
    [sample.data, activeTab],
  );

  const buildMapping = useCallback((): { definition: MappingDefinition } | { problem: string } => {
    if (built.problems.length > 0) {
      setShowProblems(true);
      const first = built.problems[0]!;
      setActiveTab(first.tab);
      return { problem: `${tabLabels[first.tab]} tab: ${first.message}.` };
    }
    return { definition: built.definition };
  }, [built]);

  function save() {
    const result = buildMapping();
    if ("problem" in result) {
      setNotice({ tone: "error", title: "The mapping was not saved", messages: [result.problem] });
      return;
    }
    setNotice(undefined);
    update.mutate(
      { mapping: result.definition },
      {
        onSuccess: (saved) => {
          setRows(definitionToRows(saved.mapping));
          setShowProblems(false);
          setNotice({
            tone: "success",
            title: "Mapping saved",
            messages: ["Persons are being updated with the new mapping in the background (no new import needed)."],
          });
        },
      },
    );
  }

  const blocker = useBlocker(({ currentLocation, nextLocation }) => canConfigure && dirty && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!canConfigure || !dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [canConfigure, dirty]);

  const fileBaseName = sourceSystem.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "source";

  return (
    <div className="stack stack--large">
      <section className="panel" aria-labelledby="mapping-title">
        <header className="panel__header">
          <div>
            <h2 className="panel__title" id="mapping-title">
              Mapping
            </h2>
            <p className="panel__description">
              How each field of the person model is filled from this source: a fixed value, a copy of a source field, or a script.
              {!canConfigure && " Only owners and administrators change the mapping."}
            </p>
          </div>
          <div className="toolbar">
            <MappingFileActions
              fileBaseName={fileBaseName}
              buildMapping={buildMapping}
              canImport={canConfigure}
              onProblem={(title, messages) => setNotice({ tone: "error", title, messages })}
              onImported={(definition, fileName) => {
                setRows(definitionToRows(definition));
                setShowProblems(false);
                setNotice({ tone: "info", title: `Loaded ${fileName}`, messages: ["Review the fields, then save to use this mapping."] });
              }}
            />
          </div>
        </header>
        <div className="panel__body stack">
          {notice && (
            <Alert tone={notice.tone} title={notice.title}>
              {notice.messages.length === 1 ? (
                notice.messages[0]
              ) : (
                <ul className="reason-list">
                  {notice.messages.map((message) => (
                    <li key={message}>{message}</li>
                  ))}
                </ul>
              )}
            </Alert>
          )}
          {update.error && <ErrorAlert error={update.error} title="The mapping was not saved" />}
          <div className="tabs" role="tablist" aria-label="Mapping tabs">
            {(["person", "contract"] as const).map((tab) => (
              <button
                key={tab}
                type="button"
                role="tab"
                id={`mapping-tab-${tab}`}
                aria-controls={`mapping-panel-${tab}`}
                aria-selected={activeTab === tab}
                tabIndex={activeTab === tab ? 0 : -1}
                className="tabs__tab"
                onClick={() => setActiveTab(tab)}
                onKeyDown={(event) => {
                  if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
                    const next = tab === "person" ? "contract" : "person";
                    setActiveTab(next);
                    document.getElementById(`mapping-tab-${next}`)?.focus();
                  }
                }}
              >
                {tabLabels[tab]}
                <span className="tabs__count">{rows[tab].length}</span>
                {showProblems && built.problems.some((problem) => problem.tab === tab) && (
                  <span className="tabs__problem" aria-label="has problems">
                    !
                  </span>
                )}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`mapping-panel-${activeTab}`} aria-labelledby={`mapping-tab-${activeTab}`}>
            <MappingTable
              key={activeTab}
              tab={activeTab}
              rows={rows[activeTab]}
              onChange={(changed) => setRows((current) => ({ ...current, [activeTab]: changed }))}
              problems={problems}
              sourceFields={sourceFields}
              readOnly={!canConfigure}
            />
          </div>
        </div>
        {canConfigure && (
          <div className="panel__actions panel__actions--sticky">
            <span className="muted panel__actions-note" aria-live="polite">
              {dirty ? "Unsaved changes" : "All changes saved"}
            </span>
            <button
              type="button"
              className="button button--quiet"
              disabled={!dirty || update.isPending}
              onClick={() => {
                setRows(definitionToRows(sourceSystem.mapping));
                setShowProblems(false);
                setNotice(undefined);
              }}
            >
              Discard changes
            </button>
            <button type="button" className="button button--primary" onClick={save} disabled={update.isPending || !dirty}>
              {update.isPending ? "Saving…" : "Save mapping"}
            </button>
          </div>
        )}
      </section>
      {canConfigure && <MappingPreview sourceSystemId={sourceSystem.id} buildMapping={buildMapping} mappingVersion={currentJson} />}
      <ConfirmDialog
        open={blocker.state === "blocked"}
        title="Leave without saving?"
        confirmLabel="Leave and discard"
        onCancel={() => blocker.reset?.()}
        onConfirm={() => blocker.proceed?.()}
      >
        <p>The mapping has changes that are not saved. They are lost if you leave this page.</p>
      </ConfirmDialog>
    </div>
  );
}
