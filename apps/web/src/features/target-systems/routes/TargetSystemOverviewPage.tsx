import { useState, type FormEvent } from "react";
import { Alert, ErrorAlert } from "../../../components/Alert.tsx";
import { ApiError } from "../../../lib/api/api-error.ts";
import { Panel } from "../../../components/Panel.tsx";
import { SubmitButton } from "../../../components/SubmitButton.tsx";
import { TextField } from "../../../components/TextField.tsx";
import { RemoveItemPanel } from "../../shell/components/RemoveItemPanel.tsx";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { usePermission } from "../../tenants/permissions.ts";
import { useDeleteTargetSystemMutation, useTargetConnectorTypesQuery, useTestConnectionMutation, useUpdateTargetSystemMutation } from "../api/target-system-queries.ts";
import { PasswordPolicyField } from "../components/PasswordPolicyField.tsx";
import { SchemaSettingsFields } from "../components/SchemaSettingsFields.tsx";
import { TargetSecretsEditor, type SecretChanges } from "../components/TargetSecretsEditor.tsx";
import { TargetThresholdsPanel } from "../components/TargetThresholdsPanel.tsx";
import { useTargetSystem } from "./TargetSystemLayout.tsx";

export function TargetSystemOverviewPage() {
  const system = useTargetSystem();
  const tenant = useCurrentTenant();
  const canConfigure = usePermission("configure");
  const catalogue = useTargetConnectorTypesQuery(tenant.tenantId);
  const connector = catalogue.data?.find((entry) => entry.type === system.connectorType);
  const update = useUpdateTargetSystemMutation(tenant.tenantId, system.id);
  const test = useTestConnectionMutation(tenant.tenantId, system.id);
  const [name, setName] = useState(system.name);
  const [settings, setSettings] = useState(system.settings);
  const [secrets, setSecrets] = useState<SecretChanges>({});
  const [passwordPolicy, setPasswordPolicy] = useState(system.passwordPolicy);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update.mutate({ name: name.trim(), settings, ...(connector?.capabilities.passwords ? { passwordPolicy } : {}), ...(Object.keys(secrets).length > 0 ? { secrets } : {}) }, { onSuccess: () => setSecrets({}) });
  }

  return (
    <div className="stack">
      <Panel
        title="Connection"
        description="Signs in to the target with the saved settings; reads only."
        actions={
          canConfigure && (
            <button type="button" className="button button--secondary" onClick={() => test.mutate()} disabled={test.isPending}>
              {test.isPending ? "Testing…" : "Test connection"}
            </button>
          )
        }
      >
        {test.data ? (
          <Alert tone={test.data.ok ? "success" : "error"} title={test.data.ok ? "Connected" : "The connection failed"}>
            {test.data.message}
          </Alert>
        ) : test.error ? (
          <ErrorAlert error={test.error} />
        ) : (
          <p className="field__hint">Test the connection after changing the settings.</p>
        )}
      </Panel>
      <form className="panel form-panel" onSubmit={handleSubmit} noValidate aria-label="Target system settings">
        <div className="panel__body form">
          {update.error && <ErrorAlert error={update.error} title="The settings were not saved" />}
          {update.isSuccess && <Alert tone="success">Saved.</Alert>}
          <TextField label="Name" value={name} onChange={(event) => setName(event.target.value)} maxLength={100} disabled={!canConfigure} className="field--narrow" />
          {connector && (
            <>
              <SchemaSettingsFields schema={connector.settingsSchema} secretFields={connector.secretFields} settings={settings} onChange={setSettings} disabled={!canConfigure} />
              <TargetSecretsEditor secretFields={connector.secretFields} secretsSet={system.secretsSet} changes={secrets} onChange={setSecrets} disabled={!canConfigure} />
              {connector.capabilities.passwords && <PasswordPolicyField policy={passwordPolicy} onChange={setPasswordPolicy} disabled={!canConfigure} />}
            </>
          )}
        </div>
        {canConfigure && (
          <div className="panel__actions">
            <SubmitButton pending={update.isPending} pendingLabel="Saving…">
              Save settings
            </SubmitButton>
          </div>
        )}
      </form>
      <TargetThresholdsPanel system={system} editable={canConfigure} />
      {canConfigure && <DeleteTargetSystem />}
    </div>
  );
}

function DeleteTargetSystem() {
  const system = useTargetSystem();
  const tenant = useCurrentTenant();
  const remove = useDeleteTargetSystemMutation(tenant.tenantId, system.id);
  // The API refuses while the system manages accounts and says how many; the second try forgets them.
  const managesAccounts = remove.error instanceof ApiError && remove.error.code === "target_system_manages_accounts";
  return (
    <RemoveItemPanel
      areaId="target-systems"
      title="Remove the target system"
      description="Accounts in the target stay as they are; the platform stops managing them."
      button={{ label: managesAccounts ? "Remove anyway" : "Remove target system", className: "button button--danger" }}
      confirm={{ title: `Remove ${system.name}?`, label: "Remove", pendingLabel: "Removing…" }}
      remove={remove}
      variables={managesAccounts}
    >
      {managesAccounts ? "The platform forgets the accounts it manages here; they stay in the target, unmanaged." : "Its mapping, permissions list and inventory are removed."}
    </RemoveItemPanel>
  );
}
