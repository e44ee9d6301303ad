import type { Tenant } from "@idlife/contracts";
import { useState } from "react";
import { Alert, ErrorAlert } from "../../../components/Alert.tsx";
import { DEFAULT_PRIMARY_CONTRACT_CRITERIA } from "../../../lib/idlife-core.ts";
import { usePrimaryContractPreviewMutation, useUpdateTenantSettingsMutation, type PrimaryContractCriteria } from "../api/tenant-settings-queries.ts";
import { PrimaryContractPreview } from "./PrimaryContractPreview.tsx";

type Field = PrimaryContractCriteria[number]["field"];
const fieldLabels: Record<Field, string> = {
  Fte: "FTE",
  HoursPerWeek: "Hours per week",
  Percentage: "Percentage",
  Sequence: "Sequence",
  EndDate: "End date",
  StartDate: "Start date",
};
const fields = Object.keys(fieldLabels) as Field[];

/**
 * The ordered criteria that pick each person's primary contract. Saving re-decides every person,
 * so the preview (who would get another primary contract) comes first: Save waits for it.
 */
export function PrimaryContractCriteriaForm({ tenant }: { tenant: Tenant }) {
  const [criteria, setCriteria] = useState<PrimaryContractCriteria>(() => [...(tenant.settings.primaryContractCriteria ?? DEFAULT_PRIMARY_CONTRACT_CRITERIA)]);
  const preview = usePrimaryContractPreviewMutation(tenant.id);
  const save = useUpdateTenantSettingsMutation(tenant.id);
  const [previewedFor, setPreviewedFor] = useState<string | null>(null);
  const current = JSON.stringify(criteria);
  const previewIsCurrent = previewedFor === current && preview.isSuccess;

  function update(next: PrimaryContractCriteria) {
    setCriteria(next);
    save.reset();
  }
  const setDirection = (index: number, direction: "asc" | "desc") =>
    update(criteria.map((criterion, position) => (position === index ? { ...criterion, direction } : criterion)));
  // A field used by another criterion swaps places with it: each field is used once.
  const setField = (index: number, field: Field) => {
    const previous = criteria[index]!.field;
    update(criteria.map((criterion, position) => (position === index ? { ...criterion, field } : criterion.field === field ? { ...criterion, field: previous } : criterion)));
  };
  const unused = fields.filter((field) => !criteria.some((criterion) => criterion.field === field));

  return (
    <form className="form" aria-label="Primary contract" onSubmit={(event) => event.preventDefault()}>
      <h3 className="form-section__title">Primary contract</h3>
      <p className="muted">The first criterion decides; the next ones break ties. Choosing a field used further down swaps the two.</p>
      <ol className="criteria-list">
        {criteria.map((criterion, index) => (
          <li key={index} className="criteria-row">
            <select className="select" aria-label={`Criterion ${index + 1}`} value={criterion.field} onChange={(event) => setField(index, event.target.value as Field)}>
              {fields.map((field) => (
                <option key={field} value={field}>
                  {fieldLabels[field]}
                </option>
              ))}
            </select>
            <select className="select" aria-label={`Order of criterion ${index + 1}`} value={criterion.direction} onChange={(event) => setDirection(index, event.target.value === "asc" ? "asc" : "desc")}>
              <option value="desc">Highest or latest first</option>
              <option value="asc">Lowest or earliest first</option>
            </select>
            <button type="button" className="button button--quiet button--small" disabled={criteria.length === 1} onClick={() => update(criteria.filter((_, position) => position !== index))}>
              Remove
            </button>
          </li>
        ))}
      </ol>
      <div className="criteria-actions">
        {unused.length > 0 && (
          <button type="button" className="button button--secondary" onClick={() => update([...criteria, { field: unused[0]!, direction: "desc" }])}>
            Add criterion
          </button>
        )}
        <button
          type="button"
          className="button button--secondary"
          disabled={preview.isPending}
          onClick={() => preview.mutate(criteria, { onSuccess: () => setPreviewedFor(current) })}
        >
          {preview.isPending ? "Previewing…" : "Preview changes"}
        </button>
        <button type="button" className="button button--primary" disabled={!previewIsCurrent || save.isPending} onClick={() => save.mutate({ primaryContractCriteria: criteria })}>
          {save.isPending ? "Saving…" : "Save criteria"}
        </button>
      </div>
      {!previewIsCurrent && !save.isSuccess && <p className="field__hint">Preview the changes before saving.</p>}
      {preview.error && <ErrorAlert error={preview.error} title="The preview did not load" />}
      {previewIsCurrent && preview.data && <PrimaryContractPreview changes={preview.data} />}
      {save.error && <ErrorAlert error={save.error} title="The criteria were not saved" />}
      {save.isSuccess && <Alert tone="success">Criteria saved. Persons are being decided again.</Alert>}
    </form>
  );
}
