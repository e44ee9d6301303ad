import { useId } from "react";
import { NavLink } from "react-router";
import { BrandMark } from "../../../components/BrandMark.tsx";
import { Icon } from "../../../components/Icon.tsx";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { tenantAreaPath } from "../../tenants/tenant-paths.ts";
import { areaGroups, type AreaGroup } from "../navigation.ts";

export function Sidebar() {
  return (
    <aside className="sidebar">
      <div className="sidebar__brand">
        <BrandMark />
      </div>
      <nav className="sidebar__nav" aria-label="Main">
        {areaGroups.map((group) => (
          <SidebarGroup key={group.label} group={group} />
        ))}
      </nav>
    </aside>
  );
}

function SidebarGroup({ group }: { group: AreaGroup }) {
  const labelId = useId();
  const { tenantSlug } = useCurrentTenant();
  return (
    <div className="sidebar__group">
      <span className="sidebar__group-label" id={labelId}>
        {group.label}
      </span>
      <ul className="sidebar__list" aria-labelledby={labelId}>
        {group.areas.map((area) => (
          <li key={area.id}>
            {/* NavLink marks the current area with aria-current="page", which the styles follow. */}
            <NavLink className="sidebar__link" to={tenantAreaPath(tenantSlug, area.id)}>
              <Icon name={area.icon} className="sidebar__icon" />
              <span>{area.title}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </div>
  );
}
