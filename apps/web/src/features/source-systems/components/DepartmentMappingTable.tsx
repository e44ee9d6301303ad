import { useId } from "react";
import { Options, Suggestions } from "../../../components/Options.tsx";
import { departmentFieldHints, type DepartmentProblem, type DepartmentRow, type DepartmentRuleType } from "../department-rows.ts";
import { MappingList, type MappingTabProps } from "./MappingList.tsx";

const typeLabels: Record<Exclude<DepartmentRuleType, "complex">, string> = {
  none: "Not mapped",
  field: "Source field",
  fixed: "Fixed value",
};

/**
 * The Department tab: where each department field comes from in the departments file (or
 * endpoint). The worker turns these into the department tree that managers are looked up in.
 */
export function DepartmentMappingTable({ rows, onChange, problems, sourceFields, readOnly }: MappingTabProps<DepartmentRow, DepartmentProblem>) {
  const listId = useId();
  const set = (row: DepartmentRow, change: Partial<DepartmentRow>) => onChange(rows.map((candidate) => (candidate.field === row.field ? { ...row, ...change } : candidate)));

  return (
    <div className="stack">
      <p className="muted">
        Departments come from the departments file (CSV) or endpoint (HTTP JSON), or from a script&apos;s departments. Contracts point to a
        department with Department.ExternalId; a person&apos;s manager is looked up in this tree when the contract names none.
      </p>
      <MappingList label="Department fields">
        {rows.map((row) => {
          const problem = problems.find((candidate) => candidate.rowKey === row.field)?.message;
          return (
            <li key={row.field} className={`mapping-row mapping-row--${row.type === "none" ? "fixed" : row.type}${problem ? " mapping-row--problem" : ""}`}>
              <div className="mapping-row__field">
                <code title={departmentFieldHints[row.field]}>
                  {row.field}
                </code>
              </div>
              <div className="mapping-row__type">
                <select
                  className="select"
                  aria-label={`Type of ${row.field}`}
                  value={row.type}
                  disabled={readOnly}
                  onChange={(event) => set(row, { type: event.target.value as DepartmentRuleType })}
                >
                  <Options labels={typeLabels} />
                  {row.type === "complex" && <option value="complex">Script (not run for departments)</option>}
                </select>
              </div>
              <div className="mapping-row__value">
                {row.type === "field" && (
                  <input
                    className="input input--mono"
                    aria-label={`Source field for ${row.field}`}
                    placeholder="Column or path, e.g. Afdelingscode"
                    list={listId}
                    value={row.path}
                    readOnly={readOnly}
                    autoComplete="off"
                    onChange={(event) => set(row, { path: event.target.value })}
                  />
                )}
                {row.type === "fixed" && (
                  <input
                    className="input"
                    aria-label={`Fixed value for ${row.field}`}
                    value={row.value}
                    readOnly={readOnly}
                    onChange={(event) => set(row, { value: event.target.value })}
                  />
                )}
                {row.type === "none" && <span className="muted">{departmentFieldHints[row.field]}</span>}
                {row.type === "complex" && <span className="muted">Scripts are not run for departments; choose a source field.</span>}
              </div>
              <div className="mapping-row__options" />
              {problem && (
                <p className="field__error mapping-row__problem" role="alert">
                  {problem}
                </p>
              )}
            </li>
          );
        })}
      </MappingList>
      <Suggestions id={listId} values={sourceFields} />
    </div>
  );
}
