import type { ConnectorType } from "@idlife/contracts";
import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { ConnectorTypePicker } from "../../../components/ConnectorTypePicker.tsx";
import { LoadingState } from "../../../components/LoadingState.tsx";
import { PageHeader } from "../../../components/PageHeader.tsx";
import { TextField } from "../../../components/TextField.tsx";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { RequirePermission } from "../../tenants/components/RequirePermission.tsx";
import { tenantAreaPath } from "../../tenants/tenant-paths.ts";
import { useConnectorTypesQuery } from "../api/connector-type-queries.ts";
import { useCreateSourceSystemMutation, type CreateSourceSystemRequest } from "../api/source-system-queries.ts";
import { connectorTypes, defaultSettings } from "../connector-types.ts";
import { ConnectorSettingsEditor } from "../components/ConnectorSettingsEditor.tsx";
import { SecretsEditor, type SecretChanges } from "../components/SecretsEditor.tsx";
import { readCsvForm } from "../csv-settings-form.ts";
import { sourceSystemPath } from "../source-system-paths.ts";

export function NewSourceSystemPage() {
  return (
    <RequirePermission permission="configure" title="Add source system" refusal="Only owners and administrators add source systems.">
      <NewSourceSystemForm />
    </RequirePermission>
  );
}

function NewSourceSystemForm() {
  const tenant = useCurrentTenant();
  const navigate = useNavigate();
  const create = useCreateSourceSystemMutation(tenant.tenantId);
  const catalogue = useConnectorTypesQuery(tenant.tenantId);
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState<string>();
  const [connectorType, setConnectorType] = useState<ConnectorType>("csv");
  const [settingsByType, setSettingsByType] = useState(() => Object.fromEntries(connectorTypes.map((type) => [type, defaultSettings(type)])));
  const [secrets, setSecrets] = useState<SecretChanges>({});
  const [jsonError, setJsonError] = useState<string>();
  const settings = settingsByType[connectorType]!;
  const listPath = tenantAreaPath(tenant.tenantSlug, "source-systems");
  const connectors = catalogue.data ?? [];
  const label = connectors.find((connector) => connector.type === connectorType)?.label ?? connectorType;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!name.trim()) {
      setNameError("Give the source system a name, such as “HR (AFAS)”.");
      return;
    }
    setNameError(undefined);
    if (jsonError) return;
    const request: CreateSourceSystemRequest = {
      name: name.trim(),
      connectorType,
      settings,
      ...(Object.keys(secrets).length > 0 ? { secrets: secrets as Record<string, string> } : {}),
      ...starterMapping(connectorType, settings),
    };
    create.mutate(request, { onSuccess: (created) => void navigate(sourceSystemPath(tenant.tenantSlug, created.id)) });
  }

  return (
    <>
      <title>{`Add source system · ${tenant.tenantName} · idlife`}</title>
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to={listPath}>Source systems</Link>
      </nav>
      <PageHeader title="Add source system" description="Where persons and contracts come from. You map the fields and import after this step." />
      <form className="panel form-panel" onSubmit={handleSubmit} noValidate aria-label="Add source system">
        <div className="panel__body form">
          {create.error && <ErrorAlert error={create.error} title="The source system was not added" />}
          <TextField
            label="Name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={100}
            autoComplete="off"
            error={nameError}
            className="field--narrow"
          />
          {catalogue.error && <ErrorAlert error={catalogue.error} title="The connector types could not be loaded" />}
          {catalogue.isPending ? (
            <LoadingState label="Loading connector types…" />
          ) : (
            <ConnectorTypePicker
              connectors={connectors}
              value={connectorType}
              onChange={(type) => {
                setConnectorType(type);
                setSecrets({});
              }}
            />
          )}
          <section className="form-section" aria-label={`${label} settings`}>
            <h2 className="form-section__title">{label} settings</h2>
            <ConnectorSettingsEditor
              key={connectorType}
              connectorType={connectorType}
              settings={settings}
              onChange={(next) => setSettingsByType((current) => ({ ...current, [connectorType]: next }))}
              onJsonErrorChange={setJsonError}
            />
          </section>
          {connectorType !== "csv" && <SecretsEditor key={connectorType} connectorType={connectorType} secretsSet={[]} changes={secrets} onChange={setSecrets} />}
        </div>
        <div className="panel__actions">
          <Link className="button button--quiet" to={listPath}>
            Cancel
          </Link>
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {create.isPending ? "Adding…" : "Add source system"}
          </button>
        </div>
      </form>
    </>
  );
}

/**
 * A CSV source already knows which column identifies a person, so its mapping starts with
 * ExternalId copied from it: the first import then works, and its raw data can drive the preview.
 */
function starterMapping(connectorType: ConnectorType, settings: Record<string, unknown>): Pick<CreateSourceSystemRequest, "mapping"> {
  if (connectorType !== "csv") return {};
  const personKey = readCsvForm(settings).personKey.trim();
  if (!personKey) return {};
  return { mapping: { person: { ExternalId: { type: "field", path: personKey, required: true } }, contract: {} } };
}
