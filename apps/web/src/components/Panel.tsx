import { useId, type ReactNode } from "react";

/** A titled card; it is a labelled region so it shows up in a screen reader's landmarks. */
export function Panel({
  title,
  description,
  actions,
  children,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section className="panel" aria-labelledby={headingId}>
      <header className="panel__header">
        <div>
          <h2 className="panel__title" id={headingId}>
            {title}
          </h2>
          {description && <p className="panel__description">{description}</p>}
        </div>
        {actions}
      </header>
      <div className="panel__body">{children}</div>
    </section>
  );
}
