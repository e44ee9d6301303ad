import type { ReactNode } from "react";

/** What the editor of a mapping tab takes: its rows and where they change, their problems, the source fields to offer. */
export interface MappingTabProps<TRow, TProblem> {
  rows: TRow[];
  onChange: (rows: TRow[]) => void;
  problems: TProblem[];
  /** Column names of the tab's file (or paths in its raw data), offered as suggestions for source fields. */
  sourceFields: string[];
  readOnly: boolean;
}

/** The frame of a mapping tab: the column heads and the labelled list of rows (person, contract or department fields). */
export function MappingList({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="mapping-list">
      <div className="mapping-list__head" aria-hidden="true">
        <span>Target field</span>
        <span>Type</span>
        <span>Value</span>
        <span />
      </div>
      <ul className="mapping-list__rows" aria-label={label}>
        {children}
      </ul>
    </div>
  );
}

