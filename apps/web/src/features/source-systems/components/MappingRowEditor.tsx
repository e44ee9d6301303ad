import { Options } from "../../../components/Options.tsx";
import { fieldKind } from "../../../lib/idlife-core.ts";
import { fieldGroups, isKnownField, type MappingRow, type MappingTab, type RuleType } from "../mapping-rows.ts";
import { ScriptField } from "./ScriptField.tsx";
import { TransformList } from "./TransformList.tsx";

const CUSTOM = "__custom";

const typeLabels: Record<RuleType, string> = {
  field: "Source field",
  fixed: "Fixed value",
  complex: "Complex (script)",
};

export function MappingRowEditor({
  tab,
  row,
  position,
  usedFields,
  sourceFieldsListId,
  problem,
  readOnly,
  onChange,
  onRemove,
}: {
  tab: MappingTab;
  row: MappingRow;
  position: number;
  usedFields: ReadonlySet<string>;
  sourceFieldsListId: string;
  problem?: string;
  readOnly: boolean;
  onChange: (row: MappingRow) => void;
  onRemove: () => void;
}) {
  const isCustom = row.field.startsWith("Custom.") || (row.field !== "" && !isKnownField(tab, row.field));
  const name = row.field || `row ${position}`;
  const kind = row.field ? fieldKind(tab, row.field) : undefined;
  const set = (change: Partial<MappingRow>) => onChange({ ...row, ...change });

  return (
    <li className={`mapping-row mapping-row--${row.type}${problem ? " mapping-row--problem" : ""}`}>
      <div className="mapping-row__field">
        <select
          className="select"
          aria-label={`Target field, row ${position}`}
          value={isCustom ? CUSTOM : row.field}
          disabled={readOnly}
          onChange={(event) => set({ field: event.target.value === CUSTOM ? "Custom." : event.target.value })}
        >
          <option value="">Choose a field…</option>
          {fieldGroups(tab).map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.fields.map((field) => (
                <option key={field} value={field} disabled={field !== row.field && usedFields.has(field)}>
                  {field}
                </option>
              ))}
            </optgroup>
          ))}
          <option value={CUSTOM}>Custom field…</option>
        </select>
        {isCustom && (
          <input
            className="input input--mono mapping-row__custom"
            aria-label={`Custom field name, row ${position}`}
            value={row.field}
            readOnly={readOnly}
            onChange={(event) => set({ field: event.target.value })}
            placeholder="Custom.EmployeeNumber"
          />
        )}
      </div>
      <div className="mapping-row__type">
        <select
          className="select"
          aria-label={`Type of ${name}`}
          value={row.type}
          disabled={readOnly}
          onChange={(event) => set({ type: event.target.value as RuleType })}
        >
          <Options labels={typeLabels} />
        </select>
      </div>
      <div className="mapping-row__value">
        {row.type === "field" ? (
          <input
            className="input input--mono"
            aria-label={`Source field for ${name}`}
            placeholder={tab === "contract" ? "Column or path in the contract, e.g. Startdatum" : "Column or path, e.g. Achternaam"}
            list={sourceFieldsListId}
            value={row.path}
            readOnly={readOnly}
            autoComplete="off"
            onChange={(event) => set({ path: event.target.value })}
          />
        ) : row.type === "complex" ? (
          <ScriptField
            label={`Script for ${name}`}
            value={row.script}
            readOnly={readOnly}
            onChange={(script) => set({ script })}
            hint={
              tab === "contract"
                ? "Receives source (the raw person) and sourceContract; return the value."
                : "Receives source (the raw person); return the value."
            }
          />
        ) : kind === "boolean" ? (
          <select
            className="select"
            aria-label={`Fixed value for ${name}`}
            value={row.value}
            disabled={readOnly}
            onChange={(event) => set({ value: event.target.value })}
          >
            <option value="">(empty)</option>
            <option value="true">true</option>
            <option value="false">false</option>
          </select>
        ) : (
          <input
            className="input"
            aria-label={`Fixed value for ${name}`}
            inputMode={kind === "number" ? "decimal" : undefined}
            placeholder={kind === "date" ? "YYYY-MM-DD" : kind === "convention" ? "B, P, BP or PB" : "Value"}
            value={row.value}
            readOnly={readOnly}
            onChange={(event) => set({ value: event.target.value })}
          />
        )}
      </div>
      <div className="mapping-row__options">
        <label className="inline-check" title="An empty value blocks the person">
          <input type="checkbox" checked={row.required} disabled={readOnly} onChange={(event) => set({ required: event.target.checked })} />
          <span>
            Required<span className="visually-hidden">: {name}</span>
          </span>
        </label>
        {!readOnly && (
          <button type="button" className="button button--quiet button--small mapping-row__remove" onClick={onRemove}>
            Remove<span className="visually-hidden"> {name}</span>
          </button>
        )}
      </div>
      {row.type !== "complex" && (
        <div className="mapping-row__transforms">
          <TransformList name={name} transforms={row.transforms} readOnly={readOnly} onChange={(transforms) => set({ transforms })} />
        </div>
      )}
      {problem && (
        <p className="field__error mapping-row__problem" role="alert">
          {problem}
        </p>
      )}
    </li>
  );
}
