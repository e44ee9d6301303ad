import type { Import } from "@idlife/contracts";
import { ProgressBar } from "../../../components/ProgressBar.tsx";
import { formatDateTime } from "../../../lib/format.ts";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { isImportActive, useImportQuery } from "../api/import-queries.ts";
import { describeProgress } from "../import-progress.ts";
import { ImportStatusBadge } from "./ImportStatusBadge.tsx";

/** A queued or running import, followed every second until it ends. */
export function LiveImport({ run }: { run: Import }) {
  const tenant = useCurrentTenant();
  const query = useImportQuery(tenant.tenantId, run);
  const current = query.data ?? run;
  if (!isImportActive(current)) return null;
  const progress = describeProgress(current);

  return (
    <section className="live-import" aria-label="Import in progress">
      <div className="live-import__header">
        <ImportStatusBadge run={current} />
        <span className="live-import__phase" aria-live="polite">
          {progress.label}
        </span>
        <span className="muted live-import__time">Started {formatDateTime(current.startedAt ?? current.createdAt)}</span>
      </div>
      <ProgressBar label={progress.label} value={progress.value} max={progress.max} />
    </section>
  );
}
