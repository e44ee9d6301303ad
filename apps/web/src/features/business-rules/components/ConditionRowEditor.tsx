import { OPERATORS_BY_TYPE, type ConditionFieldType } from "../../../lib/idlife-core.ts";
import { fieldType, isCatalogueField, operatorsFor, valueInputFor, type ConditionRow } from "../condition-builder.ts";
import { operatorLabel } from "../operator-labels.ts";

export const FIELD_LIST_ID = "condition-fields";
const customTypes = Object.keys(OPERATORS_BY_TYPE) as ConditionFieldType[];

/** One condition: field, operator of the field's type, and the value input that operator needs. */
export function ConditionRowEditor({
  row,
  number,
  problems,
  onChange,
  onRemove,
}: {
  row: ConditionRow;
  number: number;
  problems: string[] | undefined;
  onChange: (change: Partial<ConditionRow>) => void;
  onRemove: () => void;
}) {
  const type = fieldType(row);
  const input = valueInputFor(type, row.operator);
  const label = (what: string) => `${what} of condition ${number}`;
  const valueType = input === "date" ? "date" : input === "number" || input === "days" ? "number" : "text";
  return (
    <li className="condition-row" aria-label={`Condition ${number}`}>
      <div className="condition-row__controls">
        <input
          className="input condition-row__field"
          aria-label={label("Field")}
          list={FIELD_LIST_ID}
          value={row.field}
          onChange={(event) => onChange({ field: event.target.value })}
          autoComplete="off"
          spellCheck={false}
        />
        {!isCatalogueField(row.field) && (
          <select className="select" aria-label={label("Compare as")} value={row.customType} onChange={(event) => onChange({ customType: event.target.value as ConditionFieldType })}>
            {customTypes.map((option) => (
              <option key={option} value={option}>
                as {option}
              </option>
            ))}
          </select>
        )}
        <select className="select" aria-label={label("Operator")} value={row.operator} onChange={(event) => onChange({ operator: event.target.value })}>
          {operatorsFor(row).map((operator) => (
            <option key={operator} value={operator}>
              {operatorLabel(operator)}
            </option>
          ))}
        </select>
        {input === "list" && (
          <input className="input" aria-label={label("Values")} placeholder="SCH1, SCH2" value={row.list} onChange={(event) => onChange({ list: event.target.value })} />
        )}
        {input === "between" && (
          <>
            <input className="input condition-row__value" type={valueType} step="any" aria-label={label("From")} value={row.value} onChange={(event) => onChange({ value: event.target.value })} />
            <span className="muted">and</span>
            <input className="input condition-row__value" type={valueType} step="any" aria-label={label("To")} value={row.secondValue} onChange={(event) => onChange({ secondValue: event.target.value })} />
          </>
        )}
        {(input === "text" || input === "number" || input === "date" || input === "days") && (
          <input
            className="input condition-row__value"
            type={valueType}
            step={input === "days" ? 1 : "any"}
            min={input === "days" ? 0 : undefined}
            aria-label={input === "days" ? label("Days") : label("Value")}
            value={row.value}
            onChange={(event) => onChange({ value: event.target.value })}
          />
        )}
        {input === "days" && <span className="muted">days</span>}
        {type === "text" && input !== "none" && (
          <label className="inline-check">
            <input type="checkbox" checked={row.caseSensitive} onChange={(event) => onChange({ caseSensitive: event.target.checked })} />
            <span>Case-sensitive</span>
          </label>
        )}
        <button type="button" className="button button--quiet" onClick={onRemove} aria-label={`Remove condition ${number}`}>
          Remove
        </button>
      </div>
      {problems && <ProblemLines problems={problems} />}
    </li>
  );
}

export function ProblemLines({ problems }: { problems: string[] }) {
  return (
    <ul className="field__error condition-problems">
      {problems.map((problem) => (
        <li key={problem}>{problem}</li>
      ))}
    </ul>
  );
}
