import type { ReactNode } from "react";
import { Link } from "react-router";

/**
 * A column head; `hidden` ones are read by screen readers only (an actions column), `className`
 * goes on the head cell (`table__number`). `false` leaves the column out.
 */
export type DataTableColumn = string | { label: string; hidden?: boolean; className?: string } | false;

export interface TableProps {
  caption: ReactNode;
  captionVisible?: boolean;
  columns: DataTableColumn[];
  /** A bordered table of its own (settings, platform); without it the table fills a panel or page. */
  flush?: boolean;
  /** Classes of the table element besides `table` (`table--compact`). */
  className?: string;
}

/**
 * Every list table of the portal: the scrolling wrapper, a caption (hidden unless asked for) and
 * one head row from `columns`; the body rows are the children.
 */
export function Table({ caption, captionVisible = false, columns, flush = false, className, children }: TableProps & { children: ReactNode }) {
  return (
    <div className={flush ? "table-wrap table-wrap--flush" : "table-wrap"}>
      <table className={className ? `table ${className}` : "table"}>
        <caption className={captionVisible ? undefined : "visually-hidden"}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              if (column === false) return null;
              const { label, hidden, className: headClassName } = typeof column === "string" ? { label: column } : column;
              return (
                <th key={label} scope="col" className={headClassName}>
                  {hidden ? <span className="visually-hidden">{label}</span> : label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** Rows are keyed by their item's id, or by `rowKey` for items without one. */
type RowKeyProps<T> = { items: Array<T & { id: string }>; rowKey?: undefined } | { items: T[]; rowKey: (item: T) => string };

/**
 * A Table with one row per item; `renderRow` gives the cells. A column left out with `false` must
 * be left out there too. Bordered (`flush`) unless told otherwise: the plain list of the settings
 * and platform screens (members, invitations, API keys, tenants).
 */
export function DataTable<T>({
  items,
  renderRow,
  rowKey,
  flush = true,
  ...table
}: TableProps & RowKeyProps<T> & { renderRow: (item: T, index: number) => ReactNode }) {
  const keyOf = rowKey ?? ((item: T) => (item as T & { id: string }).id);
  return (
    <Table flush={flush} {...table}>
      {(items as T[]).map((item, index) => (
        <tr key={keyOf(item)}>{renderRow(item, index)}</tr>
      ))}
    </Table>
  );
}

/** A row's name as the link to the item's own page, in the first cell. */
export function PrimaryLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link className="table__primary-link" to={to}>
      {children}
    </Link>
  );
}
