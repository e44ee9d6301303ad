import type { Dashboard } from "@idlife/contracts";
import { Link } from "react-router";
import { formatDateTime } from "../../../lib/format.ts";
import { sourceSystemPath } from "../../source-systems/source-system-paths.ts";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";

const titles: Record<Dashboard["attention"][number]["state"], string> = {
  failed: "Import failed",
  blocked: "Import waits for approval",
  completed_with_blocked: "Import blocked persons",
};

/** Imports an administrator should look at: failed, held by a threshold, or completed with blocked persons. */
export function AttentionList({ items }: { items: Dashboard["attention"] }) {
  const tenant = useCurrentTenant();
  return (
    <ul className="attention-list">
      {items.map((item) => (
        <li key={item.importId} className={`attention-list__item attention-list__item--${item.state === "failed" ? "danger" : "warning"}`}>
          <p className="attention-list__title">
            <Link to={sourceSystemPath(tenant.tenantSlug, item.sourceSystemId, item.state === "completed_with_blocked" ? "blocked-persons" : "imports")}>
              {titles[item.state]}: {item.sourceSystemName}
            </Link>
            <time className="muted" dateTime={item.at}>
              {formatDateTime(item.at)}
            </time>
          </p>
          <p className="attention-list__message">{item.message}</p>
        </li>
      ))}
    </ul>
  );
}
