import { NavLink } from "react-router";

export interface TabLink {
  to: string;
  label: string;
  /** Matches only this exact path (for the first tab, whose path is the parent's). */
  end?: boolean;
  /** A small count or marker after the label. */
  badge?: string;
}

/**
 * Tabs that are links: each section has its own address, so it can be bookmarked, shared and
 * reopened after a reload. NavLink marks the open one with aria-current="page".
 */
export function TabNav({ label, tabs }: { label: string; tabs: TabLink[] }) {
  return (
    <nav className="tab-nav" aria-label={label}>
      <ul className="tab-nav__list">
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink className="tab-nav__link" to={tab.to} end={tab.end}>
              {tab.label}
              {tab.badge && <span className="tab-nav__badge">{tab.badge}</span>}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
