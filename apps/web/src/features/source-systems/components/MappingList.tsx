import type { ReactNode } from "react";

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

