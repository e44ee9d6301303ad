import { EmptyState } from "../../../components/EmptyState.tsx";
import { AreaPage } from "../components/AreaPage.tsx";
import { getArea, type AreaId } from "../navigation.ts";

/** Areas that are not built yet still get a real page, so the shell can be navigated end to end. */
export function AreaPlaceholderPage({ areaId }: { areaId: AreaId }) {
  const area = getArea(areaId);
  return (
    <AreaPage areaId={areaId}>
      <div className="panel">
        <EmptyState icon={area.icon}>{area.description}</EmptyState>
      </div>
    </AreaPage>
  );
}
