import { MAPPABLE_CONTRACT_FIELD_PATHS, MAPPABLE_PERSON_FIELD_PATHS } from "../../../lib/idlife-core.ts";
import { useMemo, useState, type FormEvent } from "react";
import { Alert, ErrorAlert } from "../../../components/Alert.tsx";
import { SelectField } from "../../../components/SelectField.tsx";
import { SubmitButton } from "../../../components/SubmitButton.tsx";
import { TextField } from "../../../components/TextField.tsx";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { usePermission } from "../../tenants/permissions.ts";
import { useTargetConnectorTypesQuery, useTargetSystemsQuery, useUpdateTargetSystemMutation } from "../api/target-system-queries.ts";
import { FieldMappingEditor } from "../components/FieldMappingEditor.tsx";
import { fromDrafts, toDrafts } from "../field-mapping-drafts.ts";
import { useTargetSystem } from "./TargetSystemLayout.tsx";

/** Field mapping, correlation and container of a target system, saved together. */
export function TargetMappingPage() {
  const system = useTargetSystem();
  const tenant = useCurrentTenant();
  const canConfigure = usePermission("configure");
  const catalogue = useTargetConnectorTypesQuery(tenant.tenantId);
  const others = useTargetSystemsQuery(tenant.tenantId);
  const update = useUpdateTargetSystemMutation(tenant.tenantId, system.id);
  const connector = catalogue.data?.find((entry) => entry.type === system.connectorType);
  const [drafts, setDrafts] = useState(() => toDrafts(system.fieldMapping));
  const [personField, setPersonField] = useState(system.correlation?.personField ?? "");
  const [attribute, setAttribute] = useState(system.correlation?.attribute ?? "");
  const [mode, setMode] = useState(system.correlation?.mode ?? "create");
  const [container, setContainer] = useState(system.container?.kind === "fixed" ? (system.container.value ?? "") : "");
  const [problem, setProblem] = useState<string>();

  const personFields = useMemo(
    () => [
      ...MAPPABLE_PERSON_FIELD_PATHS,
      ...MAPPABLE_CONTRACT_FIELD_PATHS.map((path) => `PrimaryContract.${path}`),
      ...(others.data ?? []).filter((other) => other.id !== system.id).flatMap((other) => other.fieldMapping.filter((entry) => entry.store).map((entry) => `Accounts.${other.id}.${entry.attribute}`)),
    ],
    [others.data, system.id],
  );

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const mapped = fromDrafts(drafts);
    if ("problem" in mapped) {
      setProblem(mapped.problem);
      return;
    }
    if ((personField.trim() === "") !== (attribute.trim() === "")) {
      setProblem("Correlation: give both the person field and the target attribute, or neither.");
      return;
    }
    setProblem(undefined);
    update.mutate({
      fieldMapping: mapped.mapping,
      correlation: personField.trim() ? { personField: personField.trim(), attribute: attribute.trim(), mode } : null,
      // A container kept as a lookup or script is left as it is; this form edits a fixed one.
      ...(system.container && system.container.kind !== "fixed" ? {} : { container: container.trim() ? { kind: "fixed" as const, value: container.trim() } : null }),
    });
  }

  return (
    <form className="stack" onSubmit={handleSubmit} noValidate aria-label="Field mapping">
      {problem && <Alert tone="error">{problem}</Alert>}
      {update.error && <ErrorAlert error={update.error} title="The mapping was not saved" />}
      {update.isSuccess && !update.isPending && <Alert tone="success">Mapping saved.</Alert>}
      <section className="panel">
        <header className="panel__header">
          <h2 className="panel__title">Attributes</h2>
        </header>
        <div className="panel__body">
          <FieldMappingEditor drafts={drafts} onChange={setDrafts} attributes={connector?.accountAttributes.map((entry) => entry.name) ?? []} personFields={personFields} readOnly={!canConfigure} />
        </div>
      </section>
      <section className="panel">
        <header className="panel__header">
          <h2 className="panel__title">Correlation and container</h2>
        </header>
        <div className="panel__body form-grid">
          <TextField label="Person field" list="correlation-person-fields" value={personField} onChange={(event) => setPersonField(event.target.value)} disabled={!canConfigure} hint="For example ExternalId: an existing account with this value is taken over instead of creating a second." />
          <datalist id="correlation-person-fields">
            {personFields.map((field) => (
              <option key={field} value={field} />
            ))}
          </datalist>
          <TextField label="Target attribute" value={attribute} onChange={(event) => setAttribute(event.target.value)} disabled={!canConfigure} placeholder={connector?.defaultCorrelationAttribute} />
          <SelectField label="Without a match" value={mode} onChange={(event) => setMode(event.target.value as "create")} disabled={!canConfigure}>
            <option value="create">Create the account</option>
            <option value="correlate-only">Report only, create nothing</option>
          </SelectField>
          {connector?.capabilities.containers && (
            <TextField
              label="Container"
              value={container}
              onChange={(event) => setContainer(event.target.value)}
              disabled={!canConfigure || (system.container !== null && system.container.kind !== "fixed")}
              hint={system.container && system.container.kind !== "fixed" ? "Mapped by a lookup or script (change it through the API)." : "Where new accounts are created, e.g. OU=Staff,DC=example,DC=org; empty: the base DN."}
            />
          )}
        </div>
      </section>
      {canConfigure && (
        <SubmitButton pending={update.isPending} pendingLabel="Saving…">
          Save mapping
        </SubmitButton>
      )}
    </form>
  );
}
