import type { ComponentType } from "react";
import type { RouteObject } from "react-router";
import type { AreaItemPaths } from "../features/tenants/tenant-paths.ts";

type PageName<Pages> = keyof Pages & string;

interface AreaPages<Pages> {
  list: PageName<Pages>;
  /** The form that adds an item, at `<area>/new`. */
  create?: PageName<Pages>;
  /** An item's page, or the layout of its tabs. */
  item: PageName<Pages>;
  /** The item's tabs as section -> page; the first is the item's own address. */
  sections?: Record<string, PageName<Pages>>;
}

/**
 * The routes of an area below /t/:tenantSlug, at the addresses `paths` gives: its list, the form
 * that adds an item, and an item (its id in `paths.param`) with its tabs as child routes. `load`
 * imports the area's pages as one chunk when it is first opened, so signing in does not download
 * every editor.
 */
export function areaRoutes<Pages>(load: () => Promise<Pages>, { area, param }: AreaItemPaths<string>, pages: AreaPages<Pages>): RouteObject[] {
  const lazy = (page: PageName<Pages>) => ({ Component: async () => (await load())[page] as ComponentType });
  const sections = Object.entries(pages.sections ?? {}) as [string, PageName<Pages>][];
  const children = sections.map(([section, page], index): RouteObject => (index === 0 ? { index: true, lazy: lazy(page) } : { path: section, lazy: lazy(page) }));
  return [
    { path: area, lazy: lazy(pages.list) },
    ...(pages.create ? [{ path: `${area}/new`, lazy: lazy(pages.create) }] : []),
    { path: `${area}/:${param}`, lazy: lazy(pages.item), ...(children.length > 0 ? { children } : {}) },
  ];
}
