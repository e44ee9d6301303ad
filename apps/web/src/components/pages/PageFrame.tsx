import { Link } from "react-router";

/** Where a page below an area's list stands: the list it belongs to and the tenant. */
export interface PageFrameProps {
  tenantName: string;
  /** The list, linked from the breadcrumbs. */
  parent: { to: string; label: string };
}

/** The browser tab's title and the breadcrumbs back to the list. */
export function PageFrame({ title, tenantName, parent }: PageFrameProps & { title: string }) {
  return (
    <>
      <title>{`${title} · ${tenantName} · idlife`}</title>
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to={parent.to}>{parent.label}</Link>
      </nav>
    </>
  );
}
