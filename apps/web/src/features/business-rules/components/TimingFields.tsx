import { TextField } from "../../../components/TextField.tsx";
import type { RuleForm } from "../rule-form.ts";

type TimingKey = "accountDaysBefore" | "graceDays" | "deleteAfterDays";

const timingFields: { key: TimingKey; label: string; hint: string; max: number }[] = [
  { key: "accountDaysBefore", label: "Account days before start", hint: "The account exists (disabled) this many days before the first contract starts.", max: 365 },
  { key: "graceDays", label: "Grace days after end", hint: "Access is revoked this many days after the contract ends.", max: 365 },
  { key: "deleteAfterDays", label: "Delete account after days", hint: "The account is deleted this many days after the end.", max: 3_650 },
];

/** Lifecycle timing per rule; empty fields use the target system's defaults. */
export function TimingFields({ form, onChange }: { form: RuleForm; onChange: (key: TimingKey, value: string) => void }) {
  return (
    <section className="form-section" aria-label="Timing">
      <h2 className="form-section__title">Timing</h2>
      <div className="form-grid">
        {timingFields.map((field) => (
          <TextField
            key={field.key}
            label={field.label}
            hint={field.hint}
            type="number"
            min={0}
            max={field.max}
            step={1}
            value={form[field.key]}
            onChange={(event) => onChange(field.key, event.target.value)}
          />
        ))}
      </div>
    </section>
  );
}
