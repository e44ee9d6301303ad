import type { ReactNode } from "react";
import { PageHeader } from "../../../components/PageHeader.tsx";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { getArea, type AreaId } from "../navigation.ts";

/** The frame of every page in the shell: browser tab title, page title, then the content. */
export function AreaPage({
  areaId,
  description,
  actions,
  children,
}: {
  areaId: AreaId;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const area = getArea(areaId);
  const tenant = useCurrentTenant();
  return (
    <>
      <title>{`${area.title} · ${tenant.tenantName} · idlife`}</title>
      <PageHeader title={area.title} description={description} actions={actions} />
      {children}
    </>
  );
}
