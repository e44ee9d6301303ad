import type { TargetConnectorTypeName } from "@idlife/contracts";
import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { ConnectorTypePicker } from "../../../components/ConnectorTypePicker.tsx";
import { LoadingState } from "../../../components/LoadingState.tsx";
import { PageHeader } from "../../../components/PageHeader.tsx";
import { SubmitButton } from "../../../components/SubmitButton.tsx";
import { TextField } from "../../../components/TextField.tsx";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { RequirePermission } from "../../tenants/components/RequirePermission.tsx";
import { tenantAreaPath } from "../../tenants/tenant-paths.ts";
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
  const catalogue = useTargetConnectorTypesQuery(tenant.tenantId);
  const create = useCreateTargetSystemMutation(tenant.tenantId);
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState<string>();
  const [chosenType, setChosenType] = useState<TargetConnectorTypeName>();
  const [settings, setSettings] = useState<Record<string, unknown>>({});
  const [secrets, setSecrets] = useState<SecretChanges>({});
  const [passwordPolicy, setPasswordPolicy] = useState({ length: 20, generate: true });
  const connectors = catalogue.data ?? [];
  const connector = connectors.find((entry) => entry.type === chosenType) ?? connectors[0];
  const listPath = tenantAreaPath(tenant.tenantSlug, "target-systems");

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!name.trim()) {
      setNameError("Give the target system a name, such as “Active Directory”.");
      return;
    }
    setNameError(undefined);
    if (!connector) return;
    create.mutate(
      { name: name.trim(), connectorType: connector.type, settings, ...(connector.capabilities.passwords ? { passwordPolicy } : {}), ...(Object.keys(secrets).length > 0 ? { secrets: secrets as Record<string, string> } : {}) },
      { onSuccess: (created) => void navigate(targetSystemPath(tenant.tenantSlug, created.id, "mapping")) },
    );
  }

  return (
    <>
      <title>{`Add target system · ${tenant.tenantName} · idlife`}</title>
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to={listPath}>Target systems</Link>
      </nav>
      <PageHeader title="Add target system" description="Where accounts and permissions are managed. You map the fields after this step." />
      <form className="panel form-panel" onSubmit={handleSubmit} noValidate aria-label="Add target system">
        <div className="panel__body form">
          {create.error && <ErrorAlert error={create.error} title="The target system was not added" />}
          <TextField label="Name" value={name} onChange={(event) => setName(event.target.value)} maxLength={100} autoComplete="off" error={nameError} className="field--narrow" />
          {catalogue.error && <ErrorAlert error={catalogue.error} title="The connector types could not be loaded" />}
          {catalogue.isPending ? (
            <LoadingState label="Loading connector types…" />
          ) : (
            <ConnectorTypePicker
              connectors={connectors}
              value={connector?.type}
              onChange={(type) => {
                setChosenType(type);
                setSettings({});
                setSecrets({});
              }}
            />
          )}
          {connector && (
            <section className="form-section" aria-label={`${connector.label} settings`}>
              <h2 className="form-section__title">{connector.label} settings</h2>
              <SchemaSettingsFields key={connector.type} schema={connector.settingsSchema} secretFields={connector.secretFields} settings={settings} onChange={setSettings} />
              <TargetSecretsEditor key={`${connector.type}-secrets`} secretFields={connector.secretFields} secretsSet={[]} changes={secrets} onChange={setSecrets} />
              {connector.capabilities.passwords && <PasswordPolicyField policy={passwordPolicy} onChange={setPasswordPolicy} />}
            </section>
          )}
        </div>
        <div className="panel__actions">
          <Link className="button button--quiet" to={listPath}>
            Cancel
          </Link>
          <SubmitButton pending={create.isPending} pendingLabel="Adding…">
            Add target system
          </SubmitButton>
        </div>
      </form>
    </>
  );
}
