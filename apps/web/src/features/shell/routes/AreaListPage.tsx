import type { ReactNode } from "react";
import { Link } from "react-router";
import { EmptyState } from "../../../components/EmptyState.tsx";
import { ListPanel, type ListRows } from "../../../components/pages/ListPanel.tsx";
import type { QueryState } from "../../../components/pages/QueryView.tsx";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { usePermission } from "../../tenants/permissions.ts";
import { newAreaItemPath } from "../../tenants/tenant-paths.ts";
import { AreaPage } from "../components/AreaPage.tsx";
import { getArea, type AreaId } from "../navigation.ts";

/**
 * An area whose page is its list (source systems, target systems, business rules): a link for
 * administrators to add one (the form at `<area>/new`), then the list. The loading label, caption and empty state are named
 * after the area; the empty text tells administrators what to add and everyone else who adds it.
 */
export function AreaListPage<Row extends { id: string }>({
  areaId,
  description,
  addLabel,
  query,
  emptyText,
  notices,
  children,
  ...rows
}: {
  areaId: AreaId;
  description: string;
  addLabel: string;
  query: QueryState<Row[]>;
  emptyText: { administrator: string; others: string };
  /** Messages and controls above the list. */
  notices?: ReactNode;
  /** Dialogs and the like, after the list. */
  children?: ReactNode;
} & (Omit<Extract<ListRows<Row>, { caption: string }>, "caption"> | { rows: (rows: Row[]) => ReactNode })) {
  const area = getArea(areaId);
  const tenant = useCurrentTenant();
  const canConfigure = usePermission("configure");
  const items = area.title.toLowerCase();
  const addLink = canConfigure && (
    <Link className="button button--primary" to={newAreaItemPath(tenant.tenantSlug, areaId)}>
      {addLabel}
    </Link>
  );
  const empty = (
    <EmptyState icon={area.icon} title={`No ${items} yet`}>
      {canConfigure ? emptyText.administrator : emptyText.others}
    </EmptyState>
  );
  const list = { query, loadingLabel: `Loading ${items}…`, empty };
  return (
    <AreaPage areaId={areaId} description={description} actions={addLink}>
      {notices}
      {"rows" in rows ? <ListPanel {...list}>{rows.rows}</ListPanel> : <ListPanel {...list} caption={area.title} {...rows} />}
      {children}
    </AreaPage>
  );
}
