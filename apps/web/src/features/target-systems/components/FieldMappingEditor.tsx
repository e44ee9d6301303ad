import { useId } from "react";
import { DataTable } from "../../../components/DataTable.tsx";
import { Options, Suggestions } from "../../../components/Options.tsx";
import { accountActions, emptyDraft, type FieldMappingDraft, type MappingKind } from "../field-mapping-drafts.ts";

const kindLabels: Record<MappingKind, string> = { field: "Person field", fixed: "Fixed value", complex: "Complex (script)", none: "None (read back)" };
/** The yes-or-no options of a row, one checkbox each. */
const optionLabels = { unique: "Unique", store: "Store" } as const;

/**
 * The field mapping of a target system, one row per target attribute: the actions it applies to,
 * how it gets its value, whether it must be unique (numbered fallbacks) and whether it is kept in
 * the stored account data.
 */
export function FieldMappingEditor({
  drafts,
  onChange,
  attributes,
  personFields,
  readOnly,
}: {
  drafts: FieldMappingDraft[];
  onChange: (drafts: FieldMappingDraft[]) => void;
  /** Attributes the connector offers (the administrator may type others). */
  attributes: readonly string[];
  /** Person fields, primary-contract fields and other systems' account data, offered for "Person field". */
  personFields: readonly string[];
  readOnly: boolean;
}) {
  const attributeListId = useId();
  const fieldListId = useId();
  const set = (index: number, change: Partial<FieldMappingDraft>) => onChange(drafts.map((draft, at) => (at === index ? { ...draft, ...change } : draft)));
  return (
    <div className="stack">
      <Suggestions id={attributeListId} values={attributes} />
      <Suggestions id={fieldListId} values={personFields} />
      <DataTable
        caption="Field mapping"
        columns={["Attribute", "Actions", "Kind", "Value", "Options", { label: "Remove", hidden: true }]}
        flush={false}
        items={drafts}
        rowKey={(draft) => draft.key}
        renderRow={(draft, index) => {
          const name = draft.attribute || `row ${index + 1}`;
          return (
            <>
              <td>
                <input className="input" list={attributeListId} aria-label={`Attribute, row ${index + 1}`} value={draft.attribute} readOnly={readOnly} onChange={(event) => set(index, { attribute: event.target.value })} />
              </td>
              <td>
                <div className="inline-meta">
                  {accountActions.map((action) => (
                    <label key={action} className="inline-check">
                      <input
                        type="checkbox"
                        checked={draft.actions.includes(action)}
                        disabled={readOnly}
                        onChange={(event) => set(index, { actions: event.target.checked ? accountActions.filter((entry) => entry === action || draft.actions.includes(entry)) : draft.actions.filter((entry) => entry !== action) })}
                      />
                      <span>
                        {action}
                        <span className="visually-hidden"> for {name}</span>
                      </span>
                    </label>
                  ))}
                </div>
              </td>
              <td>
                <select className="select" aria-label={`Kind of ${name}`} value={draft.kind} disabled={readOnly} onChange={(event) => set(index, { kind: event.target.value as MappingKind })}>
                  <Options labels={kindLabels} />
                </select>
              </td>
              <td>
                {draft.kind === "complex" ? (
                  <textarea className="input textarea input--mono" rows={3} spellCheck={false} aria-label={`Script of ${name}`} value={draft.text} readOnly={readOnly} onChange={(event) => set(index, { text: event.target.value })} placeholder="return person.Name.GivenName;" />
                ) : draft.kind === "none" ? (
                  <span className="field__hint">Read back only</span>
                ) : (
                  <input
                    className="input"
                    list={draft.kind === "field" ? fieldListId : undefined}
                    aria-label={`${draft.kind === "field" ? "Person field" : "Value"} of ${name}`}
                    value={draft.text}
                    readOnly={readOnly}
                    onChange={(event) => set(index, { text: event.target.value })}
                  />
                )}
              </td>
              <td>
                {(Object.keys(optionLabels) as Array<keyof typeof optionLabels>).map((option) => (
                  <label key={option} className="inline-check">
                    <input type="checkbox" checked={draft[option]} disabled={readOnly} onChange={(event) => set(index, { [option]: event.target.checked })} />
                    <span>
                      {optionLabels[option]}
                      <span className="visually-hidden">: {name}</span>
                    </span>
                  </label>
                ))}
              </td>
              <td>
                {!readOnly && (
                  <button type="button" className="button button--quiet button--small" onClick={() => onChange(drafts.filter((_, at) => at !== index))}>
                    Remove<span className="visually-hidden"> {name}</span>
                  </button>
                )}
              </td>
            </>
          );
        }}
      />
      {!readOnly && (
        <div>
          <button type="button" className="button button--secondary" onClick={() => onChange([...drafts, emptyDraft()])}>
            Add attribute
          </button>
        </div>
      )}
    </div>
  );
}
