import type { CurrentUser, TenantMembership } from "@idlife/contracts";
import { findArea, type AreaId } from "../shell/navigation.ts";

export function tenantAreaPath(tenantSlug: string, area: AreaId = "dashboard"): string {
  return `/t/${encodeURIComponent(tenantSlug)}/${area}`;
}

/** The form that adds an item to an area. */
export function newAreaItemPath(tenantSlug: string, area: AreaId): string {
  return `${tenantAreaPath(tenantSlug, area)}/new`;
}

export interface AreaItemPaths<Section extends string> {
  area: AreaId;
  /** The route parameter holding the item's id. */
  param: string;
  /** The item's tabs in order with their labels; the first is the item's own address. */
  sections: Record<Section, string>;
  itemPath(tenantSlug: string, itemId: string, section?: Section): string;
  newItemPath(tenantSlug: string): string;
}

/**
 * The addresses of an area's items (a source system, a person): each item, each of its sections
 * (tabs), and the form that adds one.
 */
export function areaItemPaths<Section extends string>(area: AreaId, param: string, sections: Record<Section, string>): AreaItemPaths<Section> {
  const [first] = Object.keys(sections);
  return {
    area,
    param,
    sections,
    itemPath(tenantSlug: string, itemId: string, section?: Section): string {
      const base = `${tenantAreaPath(tenantSlug, area)}/${encodeURIComponent(itemId)}`;
      return section === undefined || section === first ? base : `${base}/${section}`;
    },
    newItemPath: (tenantSlug: string) => newAreaItemPath(tenantSlug, area),
  };
}

export function findMembership(
  user: Pick<CurrentUser, "memberships">,
  tenantSlug: string | undefined,
): TenantMembership | undefined {
  if (!tenantSlug) return undefined;
  return user.memberships.find((membership) => membership.tenantSlug === tenantSlug);
}

/** Where a signed-in person starts: their first tenant's dashboard, or "/" which explains they have none. */
export function homePath(user: Pick<CurrentUser, "memberships">): string {
  const first = user.memberships[0];
  return first ? tenantAreaPath(first.tenantSlug) : "/";
}

/** Splits `/t/:slug/:area/...`; anything else is not a tenant path. */
export function parseTenantPath(pathname: string): { tenantSlug: string; area: string | undefined } | undefined {
  const match = /^\/t\/([^/]+)(?:\/([^/]+))?/.exec(pathname);
  if (!match?.[1]) return undefined;
  return { tenantSlug: decodeURIComponent(match[1]), area: match[2] };
}

/**
 * After signing in, go back to the page the session ended on, but only if it belongs to one of
 * this person's tenants: a different person may have signed in on the same browser.
 */
export function postSignInPath(user: Pick<CurrentUser, "memberships">, from: string | undefined): string {
  if (from) {
    const parsed = parseTenantPath(from);
    if (parsed && findMembership(user, parsed.tenantSlug)) return from;
  }
  return homePath(user);
}

/**
 * The same area in another tenant. Anything below the area (an id, a filter) belongs to the
 * tenant being left, so it is dropped.
 */
export function switchTenantPath(pathname: string, targetSlug: string): string {
  const area = findArea(parseTenantPath(pathname)?.area);
  return tenantAreaPath(targetSlug, area?.id ?? "dashboard");
}
