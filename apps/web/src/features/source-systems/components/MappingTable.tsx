import { useId } from "react";
import { Suggestions } from "../../../components/Options.tsx";
import { emptyRow, type MappingRow, type MappingTab, type RowProblem } from "../mapping-rows.ts";
import { MappingList, type MappingTabProps } from "./MappingList.tsx";
import { MappingRowEditor } from "./MappingRowEditor.tsx";

export function MappingTable({ tab, rows, onChange, problems, sourceFields, readOnly }: MappingTabProps<MappingRow, RowProblem> & { tab: MappingTab }) {
  const listId = useId();
  const usedFields = new Set(rows.map((row) => row.field));
  const problemFor = (row: MappingRow) => problems.find((problem) => problem.tab === tab && problem.rowKey === row.key)?.message;

  return (
    <div className="stack">
      {rows.length === 0 ? (
        <p className="muted mapping-empty">
          {tab === "person"
            ? "No person fields are mapped. Map at least ExternalId: the source field that identifies a person."
            : "No contract fields are mapped. Persons are imported without contracts until you map at least the contract's ExternalId."}
        </p>
      ) : (
        <MappingList label={tab === "person" ? "Person fields" : "Contract fields"}>
          {rows.map((row, index) => (
            <MappingRowEditor
              key={row.key}
              tab={tab}
              row={row}
              position={index + 1}
              usedFields={usedFields}
              sourceFieldsListId={listId}
              problem={problemFor(row)}
              readOnly={readOnly}
              onChange={(changed) => onChange(rows.map((candidate) => (candidate.key === row.key ? changed : candidate)))}
              onRemove={() => onChange(rows.filter((candidate) => candidate.key !== row.key))}
            />
          ))}
        </MappingList>
      )}
      <Suggestions id={listId} values={sourceFields} />
      {!readOnly && (
        <div>
          <button type="button" className="button button--secondary button--small" onClick={() => onChange([...rows, emptyRow()])}>
            Add field
          </button>
        </div>
      )}
    </div>
  );
}
