import type { ReactNode } from "react";

/**
 * The search form above a list (persons, audit log). Selects apply themselves as they change;
 * Enter calls `onSubmit` (apply what was typed now) through a button only screen readers see.
 */
export function FilterBar({ label, onSubmit, children }: { label: string; onSubmit: () => void; children: ReactNode }) {
  return (
    <form
      className="filter-bar"
      role="search"
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {children}
      <button type="submit" className="visually-hidden">
        Apply filters
      </button>
    </form>
  );
}

/** One labelled filter; `id` is the control's, so the label stays tied to it. */
export function FilterField({ id, label, className, children }: { id: string; label: string; className?: string; children: ReactNode }) {
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children}
    </div>
  );
}
