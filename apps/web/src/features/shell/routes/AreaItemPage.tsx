import type { ReactNode } from "react";
import { useParams } from "react-router";
import { ObjectLayout, ObjectPage, type ObjectLayoutProps, type ObjectPageProps } from "../../../components/pages/ObjectPage.tsx";
import type { PageFrameProps } from "../../../components/pages/PageFrame.tsx";
import type { QueryState } from "../../../components/pages/QueryView.tsx";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { tenantAreaPath, type AreaItemPaths } from "../../tenants/tenant-paths.ts";
import { getArea, type AreaId } from "../navigation.ts";

/** The item an area's page shows: its addresses, its id and its query. */
export interface AreaItem<T, Section extends string = string> {
  paths: AreaItemPaths<Section>;
  id: string;
  query: QueryState<T>;
}

/** An object page's props in an area: the frame comes from the area, the query from the item. */
type ItemPageProps<Props> = Omit<Props, keyof PageFrameProps | "query" | "sections" | "sectionPath">;

/**
 * The item whose id is in the route parameter `paths` names, loaded for the current tenant with
 * the area's query hook (`useSourceSystemQuery`).
 */
export function useAreaItem<T, Section extends string>(
  paths: AreaItemPaths<Section>,
  useItemQuery: (tenantId: string, id: string) => QueryState<T>,
): AreaItem<T, Section> & { tenantId: string } {
  const id = useParams()[paths.param] ?? "";
  const { tenantId } = useCurrentTenant();
  return { paths, id, tenantId, query: useItemQuery(tenantId, id) };
}

/** The breadcrumb back to the area's list, and the tenant named in the browser tab. */
export function useAreaFrame(areaId: AreaId): PageFrameProps {
  const tenant = useCurrentTenant();
  return { tenantName: tenant.tenantName, parent: { to: tenantAreaPath(tenant.tenantSlug, areaId), label: getArea(areaId).title } };
}

/** One item of an area (a business rule) on a page of its own. */
export function AreaItemPage<T>({ item, ...page }: ItemPageProps<ObjectPageProps<T>> & { item: AreaItem<T>; children: (data: T) => ReactNode }) {
  return <ObjectPage {...useAreaFrame(item.paths.area)} query={item.query} {...page} />;
}

/** One item of an area (a source system, a person) whose sections are tabs, at the addresses its paths give. */
export function AreaItemLayout<T, Section extends string>({ item, ...layout }: ItemPageProps<ObjectLayoutProps<T, Section>> & { item: AreaItem<T, Section> }) {
  const { tenantSlug } = useCurrentTenant();
  const { paths } = item;
  return <ObjectLayout {...useAreaFrame(paths.area)} query={item.query} sections={paths.sections} sectionPath={(section) => paths.itemPath(tenantSlug, item.id, section)} {...layout} />;
}
