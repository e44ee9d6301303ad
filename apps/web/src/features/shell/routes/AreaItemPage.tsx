import type { ReactNode } from "react";
import { ObjectLayout, ObjectPage, type ObjectLayoutProps, type ObjectPageProps } from "../../../components/pages/ObjectPage.tsx";
import type { PageFrameProps } from "../../../components/pages/PageFrame.tsx";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { tenantAreaPath } from "../../tenants/tenant-paths.ts";
import { getArea, type AreaId } from "../navigation.ts";

type InArea<Props> = Omit<Props, keyof PageFrameProps> & { areaId: AreaId };

/** The breadcrumb back to the area's list, and the tenant named in the browser tab. */
export function useAreaFrame(areaId: AreaId): PageFrameProps {
  const tenant = useCurrentTenant();
  return { tenantName: tenant.tenantName, parent: { to: tenantAreaPath(tenant.tenantSlug, areaId), label: getArea(areaId).title } };
}

/** One item of an area (a business rule) on a page of its own. */
export function AreaItemPage<T>({ areaId, ...page }: InArea<ObjectPageProps<T>> & { children: (data: T) => ReactNode }) {
  return <ObjectPage {...useAreaFrame(areaId)} {...page} />;
}

/** One item of an area (a source system, a person) whose sections are tabs. */
export function AreaItemLayout<T, Section extends string>({ areaId, ...layout }: InArea<ObjectLayoutProps<T, Section>>) {
  return <ObjectLayout {...useAreaFrame(areaId)} {...layout} />;
}
