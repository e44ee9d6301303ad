import type { ReactNode } from "react";
import type { DataTableColumn } from "../DataTable.tsx";
import { QueryTable, QueryView, type QueryState } from "./QueryView.tsx";

interface ListPanelProps<Row> {
  query: QueryState<Row[]>;
  loadingLabel: string;
  empty: ReactNode;
}

/** How a list shows its rows: a DataTable, or its own markup. */
export type ListRows<Row> = { caption: string; columns: DataTableColumn[]; renderRow: (row: Row) => ReactNode } | { children: (rows: Row[]) => ReactNode };

/**
 * The panel of an area's list page. Its table runs to the panel's edges; the error sits in a
 * padded body. Either a DataTable (caption, columns, renderRow) or `children` render the rows.
 */
export function ListPanel<Row extends { id: string }>(props: ListPanelProps<Row> & ListRows<Row>) {
  return <div className="panel">{"children" in props ? <QueryView padError {...props} /> : <QueryTable padError {...props} />}</div>;
}

