import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { Alert, ErrorAlert } from "../../../components/Alert.tsx";
import { JsonView } from "../../../components/JsonView.tsx";
import { Panel } from "../../../components/Panel.tsx";
import { SubmitButton } from "../../../components/SubmitButton.tsx";
import { EnabledBadge } from "../../../components/SystemSummary.tsx";
import { TextField } from "../../../components/TextField.tsx";
import { formatDateTime } from "../../../lib/format.ts";
import { RemoveItemPanel } from "../../shell/components/RemoveItemPanel.tsx";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { usePermission } from "../../tenants/permissions.ts";
import { useImportsQuery } from "../api/import-queries.ts";
import { useDeleteSourceSystemMutation, useUpdateSourceSystemMutation } from "../api/source-system-queries.ts";
import { connectorLabels } from "../connector-types.ts";
import { ConnectorSettingsEditor } from "../components/ConnectorSettingsEditor.tsx";
import { ImportStatusBadge } from "../components/ImportStatusBadge.tsx";
import { SecretsEditor, type SecretChanges } from "../components/SecretsEditor.tsx";
import { describePersonCounts } from "../import-progress.ts";
import { describeSchedule } from "../safety-forms.ts";
import { sourceSystemPath } from "../source-system-paths.ts";
import { useSourceSystem } from "./SourceSystemLayout.tsx";

export function SourceSystemOverviewPage() {
  const sourceSystem = useSourceSystem();
  const canConfigure = usePermission("configure");
  return (
    <div className="stack stack--large">
      <SummaryPanel />
      {canConfigure ? (
        <>
          <SettingsForm key={sourceSystem.id} />
          <DangerZone />
        </>
      ) : (
        <Panel title="Settings" description="Only owners and administrators change these.">
          <JsonView value={sourceSystem.settings} label="Settings" maxHeight={420} />
        </Panel>
      )}
    </div>
  );
}

function SummaryPanel() {
  const sourceSystem = useSourceSystem();
  const tenant = useCurrentTenant();
  const latest = useImportsQuery(tenant.tenantId, sourceSystem.id, 1).data?.[0];
  const mappedFields = Object.keys(sourceSystem.mapping.person).length + Object.keys(sourceSystem.mapping.contract).length;
  const path = (section: Parameters<typeof sourceSystemPath>[2]) => sourceSystemPath(tenant.tenantSlug, sourceSystem.id, section);

  return (
    <Panel title="Summary">
      <dl className="details">
        <div className="details__row">
          <dt>Connector</dt>
          <dd>{connectorLabels[sourceSystem.connectorType]}</dd>
        </div>
        <div className="details__row">
          <dt>Status</dt>
          <dd>
            <EnabledBadge enabled={sourceSystem.enabled} />
          </dd>
        </div>
        <div className="details__row">
          <dt>Mapping</dt>
          <dd>
            <Link to={path("mapping")}>{mappedFields === 1 ? "1 field mapped" : `${mappedFields} fields mapped`}</Link>
          </dd>
        </div>
        <div className="details__row">
          <dt>Last import</dt>
          <dd>
            {latest ? (
              <span className="stack">
                <Link to={path("imports")} className="inline-meta">
                  <ImportStatusBadge run={latest} />
                  {formatDateTime(latest.finishedAt ?? latest.createdAt)}
                </Link>
                {latest.persons && <span className="muted">{describePersonCounts(latest.persons)}</span>}
              </span>
            ) : (
              <span className="muted">Never imported</span>
            )}
          </dd>
        </div>
        <div className="details__row">
          <dt>Schedule</dt>
          <dd>
            <Link to={path("schedule")}>{describeSchedule(sourceSystem.schedule)}</Link>
          </dd>
        </div>
        <div className="details__row">
          <dt>Secrets</dt>
          <dd>{sourceSystem.secretsSet.length === 0 ? <span className="muted">None set</span> : sourceSystem.secretsSet.join(", ")}</dd>
        </div>
        <div className="details__row">
          <dt>Created</dt>
          <dd>{formatDateTime(sourceSystem.createdAt)}</dd>
        </div>
        <div className="details__row">
          <dt>Changed</dt>
          <dd>{formatDateTime(sourceSystem.updatedAt)}</dd>
        </div>
      </dl>
    </Panel>
  );
}

function SettingsForm() {
  const sourceSystem = useSourceSystem();
  const tenant = useCurrentTenant();
  const update = useUpdateSourceSystemMutation(tenant.tenantId, sourceSystem.id);
  const [name, setName] = useState(sourceSystem.name);
  const [settings, setSettings] = useState(sourceSystem.settings);
  const [secrets, setSecrets] = useState<SecretChanges>({});
  const [jsonError, setJsonError] = useState<string>();
  const [saved, setSaved] = useState(false);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (jsonError || !name.trim()) return;
    setSaved(false);
    update.mutate(
      { name: name.trim(), settings, ...(Object.keys(secrets).length > 0 ? { secrets } : {}) },
      {
        onSuccess: (updated) => {
          // The API fills in defaults (quote, maxBytes, ...): show what is stored now.
          setSettings(updated.settings);
          setSecrets({});
          setSaved(true);
        },
      },
    );
  }

  const showSecrets = sourceSystem.connectorType !== "csv" || sourceSystem.secretsSet.length > 0;
  return (
    <form onSubmit={handleSubmit} noValidate aria-label="Source system settings">
      <Panel
        title="Settings"
        description="Changes apply to the next import."
        actions={<EnableToggle />}
      >
        <div className="form">
          {update.error && <ErrorAlert error={update.error} title="The settings were not saved" />}
          {saved && !update.isPending && <Alert tone="success">Settings saved.</Alert>}
          <TextField
            label="Name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={100}
            autoComplete="off"
            className="field--narrow"
            error={name.trim() ? undefined : "A source system needs a name."}
          />
          <ConnectorSettingsEditor
            connectorType={sourceSystem.connectorType}
            settings={settings}
            onChange={setSettings}
            onJsonErrorChange={setJsonError}
          />
          {showSecrets ? (
            <SecretsEditor connectorType={sourceSystem.connectorType} secretsSet={sourceSystem.secretsSet} changes={secrets} onChange={setSecrets} />
          ) : (
            <details className="disclosure">
              <summary className="disclosure__summary">Download credentials (secrets)</summary>
              <div className="disclosure__body">
                <SecretsEditor connectorType={sourceSystem.connectorType} secretsSet={sourceSystem.secretsSet} changes={secrets} onChange={setSecrets} />
              </div>
            </details>
          )}
          <SubmitButton pending={update.isPending} pendingLabel="Saving…" disabled={Boolean(jsonError)}>
            Save settings
          </SubmitButton>
        </div>
      </Panel>
    </form>
  );
}

function EnableToggle() {
  const sourceSystem = useSourceSystem();
  const tenant = useCurrentTenant();
  const update = useUpdateSourceSystemMutation(tenant.tenantId, sourceSystem.id);
  return (
    <div className="inline-meta">
      {update.error && <span className="field__error">Not changed; try again.</span>}
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={update.isPending}
        onClick={() => update.mutate({ enabled: !sourceSystem.enabled })}
      >
        {sourceSystem.enabled ? "Disable" : "Enable"}
      </button>
    </div>
  );
}

function DangerZone() {
  const sourceSystem = useSourceSystem();
  const tenant = useCurrentTenant();
  const remove = useDeleteSourceSystemMutation(tenant.tenantId, sourceSystem.id);

  return (
    <RemoveItemPanel
      areaId="source-systems"
      title="Delete source system"
      description="Persons that only this source delivers become former persons; their history is kept."
      errorTitle="The source system was not deleted"
      button={{ label: "Delete source system", className: "button button--secondary button--danger-outline" }}
      confirm={{ title: `Delete ${sourceSystem.name}?`, label: "Delete", pendingLabel: "Deleting…" }}
      remove={remove}
      variables={undefined}
    >
      <p>
        Its settings, mapping, uploads and raw data are deleted. Persons that only <strong>{sourceSystem.name}</strong> delivers become
        former persons at the next snapshot. This cannot be undone.
      </p>
    </RemoveItemPanel>
  );
}
