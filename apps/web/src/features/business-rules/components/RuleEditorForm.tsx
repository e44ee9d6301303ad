import { useMemo, useState, type FormEvent } from "react";
import { Alert, ErrorAlert } from "../../../components/Alert.tsx";
import { SelectField } from "../../../components/SelectField.tsx";
import { TextAreaField } from "../../../components/TextAreaField.tsx";
import { TextField } from "../../../components/TextField.tsx";
import { ApiError } from "../../../lib/api/api-error.ts";
import { conditionProblems } from "../condition-builder.ts";
import { apiProblems, requestProblems, toRuleRequest, type RuleForm, type RuleRequest } from "../rule-form.ts";
import { ConditionBuilder } from "./ConditionGroupEditor.tsx";
import { EntitlementsEditor } from "./EntitlementsEditor.tsx";
import { TestCasesEditor } from "./TestCasesEditor.tsx";
import { TimingFields } from "./TimingFields.tsx";

/**
 * The rule editor without code. Condition problems show on their rows as you type; the rest of
 * what the form can check shows on Save; what only the API knows (a target system that does not
 * exist) comes back as its invalid_rule problem lines, listed above the Save button.
 */
export function RuleEditorForm({
  initial,
  submitLabel,
  pending,
  error,
  onSubmit,
}: {
  initial: RuleForm;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (request: RuleRequest) => void;
}) {
  const [form, setForm] = useState(initial);
  const [formProblems, setFormProblems] = useState<string[]>([]);
  const problems = useMemo(() => conditionProblems(form.condition), [form.condition]);
  const set = <K extends keyof RuleForm>(key: K, value: RuleForm[K]) => setForm((current) => ({ ...current, [key]: value }));
  const serverProblems = error instanceof ApiError ? apiProblems(error.details) : [];

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const request = toRuleRequest(form);
    const found = requestProblems(request);
    setFormProblems(found);
    if (found.length > 0 || problems.size > 0) return;
    onSubmit(request);
  }

  return (
    <form className="panel form-panel rule-editor" onSubmit={handleSubmit} noValidate aria-label="Business rule">
      <div className="panel__body form">
        <TextField label="Name" value={form.name} onChange={(event) => set("name", event.target.value)} maxLength={100} autoComplete="off" className="field--narrow" />
        <TextAreaField label="Description" value={form.description} onChange={(event) => set("description", event.target.value)} maxLength={2_000} rows={2} />
        <TextField label="Categories" hint="Comma separated, such as staff, school X" value={form.categories} onChange={(event) => set("categories", event.target.value)} autoComplete="off" className="field--narrow" />
        <section className="form-section" aria-label="Condition">
          <h2 className="form-section__title">Who is in scope</h2>
          <ConditionBuilder root={form.condition} problems={problems} onChange={(condition) => set("condition", condition)} />
          <SelectField label="Contracts that count" value={form.contractScope} onChange={(event) => set("contractScope", event.target.value as RuleForm["contractScope"])} className="field--narrow">
            <option value="any">Any contract of the person</option>
            <option value="primary">Only the primary contract</option>
          </SelectField>
        </section>
        <EntitlementsEditor entitlements={form.entitlements} onChange={(entitlements) => set("entitlements", entitlements)} />
        <TimingFields form={form} onChange={(key, value) => set(key, value)} />
        <TestCasesEditor testCases={form.testCases} onChange={(testCases) => set("testCases", testCases)} />
        {formProblems.length + serverProblems.length > 0 ? (
          <Alert tone="error" title="The rule was not saved">
            <ul className="plain-list" aria-label="Problems">
              {[...formProblems, ...serverProblems].map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </Alert>
        ) : (
          error !== null && error !== undefined && <ErrorAlert error={error} title="The rule was not saved" />
        )}
        {problems.size > 0 && <p className="field__hint">Fix the conditions marked above to save.</p>}
      </div>
      <div className="panel__actions">
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </button>
      </div>
    </form>
  );
}
