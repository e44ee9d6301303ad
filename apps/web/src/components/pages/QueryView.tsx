import type { ReactNode } from "react";
import { ErrorAlert } from "../Alert.tsx";
import { DataTable, type DataTableColumn } from "../DataTable.tsx";
import { LoadingState } from "../LoadingState.tsx";

/** The part of a TanStack query result a view reads; `data` is undefined only while loading or after an error. */
export interface QueryState<T> {
  isPending: boolean;
  data: T | undefined;
  error: unknown;
}

interface QueryViewProps<T> {
  query: QueryState<T>;
  loadingLabel?: string;
  /** Shown instead of the content when the data holds nothing (by default: an empty list). */
  empty?: ReactNode;
  isEmpty?: (data: T) => boolean;
  /** Set where the view sits straight in a `.panel` with no padded body, so the error gets one. */
  padError?: boolean;
}

const isEmptyList = (data: unknown) => Array.isArray(data) && data.length === 0;

/**
 * What every list and tab shows for the data it loads: a spinner while the query is pending, the
 * error when it failed, the empty state when there is nothing, and otherwise the content.
 */
export function QueryView<T>({ query, loadingLabel, empty, isEmpty = isEmptyList, padError = false, children }: QueryViewProps<T> & { children: (data: T) => ReactNode }) {
  if (query.isPending) return <LoadingState label={loadingLabel} />;
  if (query.data === undefined) {
    const alert = <ErrorAlert error={query.error} />;
    return padError ? <div className="panel__body">{alert}</div> : alert;
  }
  if (empty !== undefined && isEmpty(query.data)) return empty;
  return children(query.data);
}

/** A query for a list shown as a DataTable (see QueryView and DataTable for the props). */
export function QueryTable<Row extends { id: string }>({
  caption,
  columns,
  renderRow,
  ...view
}: QueryViewProps<Row[]> & { caption: string; columns: DataTableColumn[]; renderRow: (row: Row) => ReactNode }) {
  return <QueryView {...view}>{(rows) => <DataTable caption={caption} columns={columns} items={rows} renderRow={renderRow} />}</QueryView>;
}
