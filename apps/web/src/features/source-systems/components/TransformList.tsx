import { Options } from "../../../components/Options.tsx";
import { DATE_FORMATS, dateFormatLabels, newTransformDraft, transformLabels, type TransformDraft, type TransformType } from "../transform-drafts.ts";

/**
 * The built-in transforms of one mapping row (date formats, decimal comma, case, lookups,
 * templates), applied in the order shown; each can be moved, changed or removed.
 */
export function TransformList({ name, transforms, readOnly, onChange }: { name: string; transforms: TransformDraft[]; readOnly: boolean; onChange: (transforms: TransformDraft[]) => void }) {
  const replace = (index: number, draft: TransformDraft) => onChange(transforms.map((current, at) => (at === index ? draft : current)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...transforms];
    [next[index], next[index + by]] = [next[index + by]!, next[index]!];
    onChange(next);
  };

  return (
    <div className="transform-list">
      {transforms.length > 0 && (
        <ol className="transform-list__items" aria-label={`Transforms of ${name}`}>
          {transforms.map((draft, index) => {
            const label = `${name}, transform ${index + 1}`;
            const set = (change: Partial<TransformDraft>) => replace(index, { ...draft, ...change });
            return (
              <li key={draft.key} className="transform">
                <div className="transform__head">
                  <select className="select" aria-label={`Kind of transform for ${label}`} value={draft.type} disabled={readOnly} onChange={(event) => set({ type: event.target.value as TransformType })}>
                    <Options labels={transformLabels} />
                  </select>
                  {!readOnly && (
                    <span className="transform__actions">
                      <button type="button" className="button button--quiet button--small" disabled={index === 0} onClick={() => move(index, -1)}>
                        Up<span className="visually-hidden"> {label}</span>
                      </button>
                      <button type="button" className="button button--quiet button--small" disabled={index === transforms.length - 1} onClick={() => move(index, 1)}>
                        Down<span className="visually-hidden"> {label}</span>
                      </button>
                      <button type="button" className="button button--quiet button--small" onClick={() => onChange(transforms.filter((_, at) => at !== index))}>
                        Remove<span className="visually-hidden"> {label}</span>
                      </button>
                    </span>
                  )}
                </div>
                <TransformOptions draft={draft} label={label} readOnly={readOnly} set={set} />
              </li>
            );
          })}
        </ol>
      )}
      {!readOnly && (
        <button type="button" className="button button--quiet button--small" onClick={() => onChange([...transforms, newTransformDraft()])}>
          Add transform<span className="visually-hidden"> to {name}</span>
        </button>
      )}
    </div>
  );
}

function TransformOptions({ draft, label, readOnly, set }: { draft: TransformDraft; label: string; readOnly: boolean; set: (change: Partial<TransformDraft>) => void }) {
  switch (draft.type) {
    case "date":
      return (
        <div className="transform__options">
          <select className="select" aria-label={`Date format for ${label}`} value={draft.format} disabled={readOnly} onChange={(event) => set({ format: event.target.value as TransformDraft["format"] })}>
            {DATE_FORMATS.map((format) => (
              <option key={format} value={format}>
                {dateFormatLabels[format]}
              </option>
            ))}
          </select>
          <select className="select" aria-label={`Date output for ${label}`} value={draft.output} disabled={readOnly} onChange={(event) => set({ output: event.target.value as TransformDraft["output"] })}>
            <option value="date">Date only</option>
            <option value="date-time">Date and time</option>
          </select>
        </div>
      );
    case "case":
      return (
        <div className="transform__options">
          <select className="select" aria-label={`Case for ${label}`} value={draft.to} disabled={readOnly} onChange={(event) => set({ to: event.target.value as TransformDraft["to"] })}>
            <option value="upper">UPPER CASE</option>
            <option value="lower">lower case</option>
            <option value="title">Title Case</option>
          </select>
        </div>
      );
    case "lookup":
      return (
        <div className="transform__options transform__options--stacked">
          <textarea
            className="input input--mono"
            aria-label={`Lookup table for ${label}`}
            placeholder={"M = Male\nV = Female"}
            rows={4}
            value={draft.entriesText}
            readOnly={readOnly}
            onChange={(event) => set({ entriesText: event.target.value })}
          />
          <span className="muted">One code = value per line.</span>
          <select className="select" aria-label={`Unknown values for ${label}`} value={draft.unknown} disabled={readOnly} onChange={(event) => set({ unknown: event.target.value as TransformDraft["unknown"] })}>
            <option value="block">A code not in the table blocks the person</option>
            <option value="keep">A code not in the table is kept as it is</option>
            <option value="default">A code not in the table becomes the default</option>
          </select>
          {draft.unknown === "default" && (
            <input className="input" aria-label={`Default value for ${label}`} value={draft.defaultValue} readOnly={readOnly} onChange={(event) => set({ defaultValue: event.target.value })} />
          )}
        </div>
      );
    case "template":
      return (
        <div className="transform__options transform__options--stacked">
          <input
            className="input input--mono"
            aria-label={`Template for ${label}`}
            placeholder="{Personeelsnummer}-{Dienstverbandnummer}"
            value={draft.template}
            readOnly={readOnly}
            onChange={(event) => set({ template: event.target.value })}
          />
          <select className="select" aria-label={`Empty placeholders for ${label}`} value={draft.missing} disabled={readOnly} onChange={(event) => set({ missing: event.target.value as TransformDraft["missing"] })}>
            <option value="empty">An empty source field leaves its place empty</option>
            <option value="block">An empty source field blocks the person</option>
          </select>
        </div>
      );
    default:
      return null;
  }
}
