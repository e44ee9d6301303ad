import type { ReactNode } from "react";

/** A column head; `hidden` ones are read by screen readers only (an actions column). `false` leaves the column out. */
export type DataTableColumn = string | { label: string; hidden: true } | false;

/**
 * The plain list table of the settings and platform screens (members, invitations, API keys,
 * tenants): a flush table with a caption, one head row and one row per item, keyed by its id.
 * `renderRow` gives the cells; a column left out with `false` must be left out there too.
 */
export function DataTable<T extends { id: string }>({
  caption,
  captionVisible = false,
  columns,
  items,
  renderRow,
}: {
  caption: string;
  captionVisible?: boolean;
  columns: DataTableColumn[];
  items: T[];
  renderRow: (item: T) => ReactNode;
}) {
  return (
    <div className="table-wrap table-wrap--flush">
      <table className="table">
        <caption className={captionVisible ? undefined : "visually-hidden"}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) =>
              column === false ? null : typeof column === "string" ? (
                <th key={column} scope="col">
                  {column}
                </th>
              ) : (
                <th key={column.label} scope="col">
                  <span className="visually-hidden">{column.label}</span>
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>{renderRow(item)}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
