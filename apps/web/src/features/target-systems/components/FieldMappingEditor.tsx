import { useId } from "react";
import { accountActions, emptyDraft, type FieldMappingDraft, type MappingKind } from "../field-mapping-drafts.ts";

const kindLabels: Record<MappingKind, string> = { field: "Person field", fixed: "Fixed value", complex: "Complex (script)", none: "None (read back)" };

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
      <datalist id={attributeListId}>
        {attributes.map((attribute) => (
          <option key={attribute} value={attribute} />
        ))}
      </datalist>
      <datalist id={fieldListId}>
        {personFields.map((field) => (
          <option key={field} value={field} />
        ))}
      </datalist>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">Field mapping</caption>
          <thead>
            <tr>
              <th scope="col">Attribute</th>
              <th scope="col">Actions</th>
              <th scope="col">Kind</th>
              <th scope="col">Value</th>
              <th scope="col">Options</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {drafts.map((draft, index) => {
              const name = draft.attribute || `row ${index + 1}`;
              return (
                <tr key={draft.key}>
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
                      {Object.entries(kindLabels).map(([kind, label]) => (
                        <option key={kind} value={kind}>
                          {label}
                        </option>
                      ))}
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
                    <label className="inline-check">
                      <input type="checkbox" checked={draft.unique} disabled={readOnly} onChange={(event) => set(index, { unique: event.target.checked })} />
                      <span>
                        Unique<span className="visually-hidden">: {name}</span>
                      </span>
                    </label>
                    <label className="inline-check">
                      <input type="checkbox" checked={draft.store} disabled={readOnly} onChange={(event) => set(index, { store: event.target.checked })} />
                      <span>
                        Store<span className="visually-hidden">: {name}</span>
                      </span>
                    </label>
                  </td>
                  <td>
                    {!readOnly && (
                      <button type="button" className="button button--quiet button--small" onClick={() => onChange(drafts.filter((_, at) => at !== index))}>
                        Remove<span className="visually-hidden"> {name}</span>
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
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
