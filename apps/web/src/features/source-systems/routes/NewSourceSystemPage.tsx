import type { ConnectorType } from "@idlife/contracts";
import { useState } from "react";
import { useNavigate } from "react-router";
import { AddSystemForm } from "../../../components/pages/AddSystemForm.tsx";
import { useAreaFrame } from "../../shell/routes/AreaItemPage.tsx";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { RequirePermission } from "../../tenants/components/RequirePermission.tsx";
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
  const frame = useAreaFrame("source-systems");
  const create = useCreateSourceSystemMutation(tenant.tenantId);
  const catalogue = useConnectorTypesQuery(tenant.tenantId);
  const [connectorType, setConnectorType] = useState<ConnectorType>("csv");
  const [settingsByType, setSettingsByType] = useState(() => Object.fromEntries(connectorTypes.map((type) => [type, defaultSettings(type)])));
  const [secrets, setSecrets] = useState<SecretChanges>({});
  const [jsonError, setJsonError] = useState<string>();
  const settings = settingsByType[connectorType]!;
  const label = catalogue.data?.find((connector) => connector.type === connectorType)?.label ?? connectorType;

  function handleSubmit(name: string) {
    if (jsonError) return;
    const request: CreateSourceSystemRequest = {
      name,
      connectorType,
      settings,
      ...(Object.keys(secrets).length > 0 ? { secrets: secrets as Record<string, string> } : {}),
      ...starterMapping(connectorType, settings),
    };
    create.mutate(request, { onSuccess: (created) => void navigate(sourceSystemPath(tenant.tenantSlug, created.id)) });
  }

  return (
    <AddSystemForm
      frame={frame}
      noun="source system"
      nameExample="HR (AFAS)"
      description="Where persons and contracts come from. You map the fields and import after this step."
      catalogue={catalogue}
      connectorType={connectorType}
      onConnectorTypeChange={(type) => {
        setConnectorType(type);
        setSecrets({});
      }}
      create={create}
      onSubmit={handleSubmit}
    >
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
    </AddSystemForm>
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
