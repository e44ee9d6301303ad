import type { MappingDefinition } from "@idlife/contracts";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useBlocker } from "react-router";
import { Alert, ErrorAlert } from "../../../components/Alert.tsx";
import { ConfirmDialog } from "../../../components/ConfirmDialog.tsx";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { usePermission } from "../../tenants/permissions.ts";
import { useTenantQuery } from "../../tenants/api/tenant-queries.ts";
import { useSourceFieldsQuery } from "../api/mapping-queries.ts";
import { useUpdateSourceSystemMutation } from "../api/source-system-queries.ts";
import { DepartmentMappingTable } from "../components/DepartmentMappingTable.tsx";
import { MappingFileActions } from "../components/MappingFileActions.tsx";
import { MappingPreview } from "../components/MappingPreview.tsx";
import { MappingTable } from "../components/MappingTable.tsx";
import { hasDepartmentMapping, type DepartmentProblem } from "../department-rows.ts";
import { definitionToRows, rowsToDefinition, type MappingRows, type RowProblem } from "../mapping-rows.ts";
import { useSourceSystem } from "./SourceSystemLayout.tsx";

type EditorTab = "person" | "contract" | "department";
const editorTabs: readonly EditorTab[] = ["person", "contract", "department"];
const tabLabels: Record<EditorTab, string> = { person: "Person", contract: "Contract", department: "Department" };
const sourceFieldRoles = { person: "persons", contract: "contracts", department: "departments" } as const;

export function MappingPage() {
  const sourceSystem = useSourceSystem();
  const tenant = useCurrentTenant();
  const canConfigure = usePermission("configure");
  const update = useUpdateSourceSystemMutation(tenant.tenantId, sourceSystem.id);
  const [rows, setRows] = useState<MappingRows>(() => definitionToRows(sourceSystem.mapping));
  const [activeTab, setActiveTab] = useState<EditorTab>("person");
  const [showProblems, setShowProblems] = useState(false);
  const [notice, setNotice] = useState<{ tone: "success" | "info" | "error"; title: string; messages: string[] }>();

  const built = useMemo(() => rowsToDefinition(rows), [rows]);
  const savedJson = JSON.stringify(rowsToDefinition(definitionToRows(sourceSystem.mapping)).definition);
  const currentJson = JSON.stringify(built.definition);
  const dirty = built.problems.length > 0 || currentJson !== savedJson;
  const problems: Array<RowProblem | DepartmentProblem> = showProblems ? built.problems : [];

  const sourceFields = useSourceFieldsQuery(tenant.tenantId, sourceSystem.id, sourceFieldRoles[activeTab]);
  const tenantDetail = useTenantQuery(tenant.tenantId);
  const managersFromTree = tenantDetail.data?.settings.managerOptions?.source === "department";

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
          {managersFromTree && !hasDepartmentMapping(sourceSystem.mapping) && (
            <Alert tone="error" title="Managers come from the department tree, but this source maps no departments">
              The tenant takes managers from the department tree (settings, manager option “department tree”). Without a department mapping the
              departments of this source have no manager or parent, so persons whose manager is only recorded on a department get none. Map the
              departments on the Department tab{departmentsMissing(sourceSystem.connectorType, sourceSystem.settings)}.
            </Alert>
          )}
          <div className="tabs" role="tablist" aria-label="Mapping tabs">
            {editorTabs.map((tab) => (
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
                    const step = event.key === "ArrowRight" ? 1 : editorTabs.length - 1;
                    const next = editorTabs[(editorTabs.indexOf(tab) + step) % editorTabs.length]!;
                    setActiveTab(next);
                    document.getElementById(`mapping-tab-${next}`)?.focus();
                  }
                }}
              >
                {tabLabels[tab]}
                <span className="tabs__count">{tab === "department" ? rows.department.filter((row) => row.type !== "none").length : rows[tab].length}</span>
                {showProblems && built.problems.some((problem) => problem.tab === tab) && (
                  <span className="tabs__problem" aria-label="has problems">
                    !
                  </span>
                )}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`mapping-panel-${activeTab}`} aria-labelledby={`mapping-tab-${activeTab}`}>
            <SourceFieldsNote query={sourceFields} />
            {activeTab === "department" ? (
              <DepartmentMappingTable
                rows={rows.department}
                onChange={(changed) => setRows((current) => ({ ...current, department: changed }))}
                problems={problems.filter((problem): problem is DepartmentProblem => problem.tab === "department")}
                sourceFields={sourceFields.data?.fields ?? []}
                readOnly={!canConfigure}
              />
            ) : (
              <MappingTable
                key={activeTab}
                tab={activeTab}
                rows={rows[activeTab]}
                onChange={(changed) => setRows((current) => ({ ...current, [activeTab]: changed }))}
                problems={problems.filter((problem): problem is RowProblem => problem.tab !== "department")}
                sourceFields={sourceFields.data?.fields ?? []}
                readOnly={!canConfigure}
              />
            )}
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
      {canConfigure && <MappingPreview sourceSystemId={sourceSystem.id} connectorType={sourceSystem.connectorType} buildMapping={buildMapping} mappingVersion={currentJson} />}
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

/** Where the offered source fields come from, or why there are none yet. */
function SourceFieldsNote({ query }: { query: ReturnType<typeof useSourceFieldsQuery> }) {
  const found = query.data;
  if (!found) return null;
  if (found.problem) {
    return (
      <Alert tone="info" title={`The columns of ${found.fileName ?? "the upload"} could not be read`}>
        {found.problem}
      </Alert>
    );
  }
  const more = found.truncated ? " (the first of more)" : "";
  const text =
    found.origin === "upload"
      ? `Source fields offered: the ${found.fields.length} columns of ${found.fileName}${more}.`
      : found.origin === "raw-data"
        ? `Source fields offered: the ${found.fields.length} fields seen in the latest import's raw data${more}.`
        : "Upload the files (Imports) or import once to pick source fields from a list; typing them works too.";
  return <p className="muted">{text}</p>;
}

/** What the settings still lack for departments to arrive at all, as a hint after the warning. */
function departmentsMissing(connectorType: string, settings: Record<string, unknown>): string {
  if (settings.departments !== undefined && settings.departments !== null) return "";
  if (connectorType === "csv") return " (add the departments file in the settings first)";
  if (connectorType === "http-json") return " (add the departments endpoint in the settings first)";
  return "";
}
