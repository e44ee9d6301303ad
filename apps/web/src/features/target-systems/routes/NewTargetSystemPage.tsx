import type { TargetConnectorTypeName } from "@idlife/contracts";
import { useState } from "react";
import { useNavigate } from "react-router";
import { AddSystemForm } from "../../../components/pages/AddSystemForm.tsx";
import { useAreaFrame } from "../../shell/routes/AreaItemPage.tsx";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { RequirePermission } from "../../tenants/components/RequirePermission.tsx";
import { useCreateTargetSystemMutation, useTargetConnectorTypesQuery } from "../api/target-system-queries.ts";
import { PasswordPolicyField } from "../components/PasswordPolicyField.tsx";
import { SchemaSettingsFields } from "../components/SchemaSettingsFields.tsx";
import { TargetSecretsEditor, type SecretChanges } from "../components/TargetSecretsEditor.tsx";
import { targetSystemPath } from "../target-system-paths.ts";

export function NewTargetSystemPage() {
  return (
    <RequirePermission permission="configure" title="Add target system" refusal="Only owners and administrators add target systems.">
      <NewTargetSystemForm />
    </RequirePermission>
  );
}

function NewTargetSystemForm() {
  const tenant = useCurrentTenant();
  const navigate = useNavigate();
  const frame = useAreaFrame("target-systems");
  const catalogue = useTargetConnectorTypesQuery(tenant.tenantId);
  const create = useCreateTargetSystemMutation(tenant.tenantId);
  const [chosenType, setChosenType] = useState<TargetConnectorTypeName>();
  const [settings, setSettings] = useState<Record<string, unknown>>({});
  const [secrets, setSecrets] = useState<SecretChanges>({});
  const [passwordPolicy, setPasswordPolicy] = useState({ length: 20, generate: true });
  const connectors = catalogue.data ?? [];
  const connector = connectors.find((entry) => entry.type === chosenType) ?? connectors[0];

  function handleSubmit(name: string) {
    if (!connector) return;
    create.mutate(
      { name, connectorType: connector.type, settings, ...(connector.capabilities.passwords ? { passwordPolicy } : {}), ...(Object.keys(secrets).length > 0 ? { secrets: secrets as Record<string, string> } : {}) },
      { onSuccess: (created) => void navigate(targetSystemPath(tenant.tenantSlug, created.id, "mapping")) },
    );
  }

  return (
    <AddSystemForm
      frame={frame}
      noun="target system"
      nameExample="Active Directory"
      description="Where accounts and permissions are managed. You map the fields after this step."
      catalogue={catalogue}
      connectorType={connector?.type}
      onConnectorTypeChange={(type) => {
        setChosenType(type);
        setSettings({});
        setSecrets({});
      }}
      create={create}
      onSubmit={handleSubmit}
    >
      {connector && (
        <section className="form-section" aria-label={`${connector.label} settings`}>
          <h2 className="form-section__title">{connector.label} settings</h2>
          <SchemaSettingsFields key={connector.type} schema={connector.settingsSchema} secretFields={connector.secretFields} settings={settings} onChange={setSettings} />
          <TargetSecretsEditor key={`${connector.type}-secrets`} secretFields={connector.secretFields} secretsSet={[]} changes={secrets} onChange={setSecrets} />
          {connector.capabilities.passwords && <PasswordPolicyField policy={passwordPolicy} onChange={setPasswordPolicy} />}
        </section>
      )}
    </AddSystemForm>
  );
}
