import type { Dashboard } from "@idlife/contracts";
import { Link } from "react-router";
import { formatNumber } from "../../../lib/format.ts";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { tenantAreaPath } from "../../tenants/tenant-paths.ts";
import { sourceSystemPath } from "../../source-systems/source-system-paths.ts";

const statusMeta = {
  active: "Working or studying today",
  future: "Starting later",
  former: "No longer delivered or ended",
} as const;

/** Persons by status, blocked persons and merge suggestions, each a card that links to the list behind it. */
export function FactCards({ dashboard }: { dashboard: Dashboard }) {
  const tenant = useCurrentTenant();
  const persons = tenantAreaPath(tenant.tenantSlug, "persons");
  const withBlocked = dashboard.sourceSystems.filter((source) => source.blockedPersons > 0);
  // One source with blocked persons: straight to its list; several: each row of the table links to its own.
  const blockedLink = withBlocked.length === 1 ? sourceSystemPath(tenant.tenantSlug, withBlocked[0]!.id, "blocked-persons") : tenantAreaPath(tenant.tenantSlug, "source-systems");

  return (
    <div className="summary-grid dashboard-facts">
      {(["active", "future", "former"] as const).map((status) => (
        <FactCard key={status} label={`${status[0]!.toUpperCase()}${status.slice(1)} persons`} value={dashboard.persons[status]} to={`${persons}?status=${status}`} meta={statusMeta[status]} />
      ))}
      <FactCard
        label="Blocked persons"
        value={dashboard.blockedPersons}
        to={blockedLink}
        meta={dashboard.blockedPersons === 0 ? "Every delivered person mapped" : `The mapping could not map them${withBlocked.length > 1 ? ` (${withBlocked.length} source systems)` : ""}`}
        tone={dashboard.blockedPersons > 0 ? "warning" : undefined}
      />
      <FactCard
        label="Merge suggestions waiting"
        value={dashboard.openMergeSuggestions}
        to={persons}
        meta={dashboard.openMergeSuggestions === 0 ? "No possible duplicates" : "Held back until someone decides"}
        tone={dashboard.openMergeSuggestions > 0 ? "warning" : undefined}
      />
    </div>
  );
}

function FactCard({ label, value, to, meta, tone }: { label: string; value: number; to: string; meta: string; tone?: "warning" }) {
  return (
    <Link to={to} className={`summary-card summary-card--link${tone ? ` summary-card--${tone}` : ""}`} aria-label={`${label}: ${formatNumber(value)}`}>
      <p className="summary-card__label">{label}</p>
      <p className="summary-card__value">{formatNumber(value)}</p>
      <p className="summary-card__meta">{meta}</p>
    </Link>
  );
}
