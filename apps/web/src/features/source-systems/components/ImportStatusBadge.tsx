import type { Import } from "@idlife/contracts";
import { importStatusLabels, importStatusTones } from "../import-progress.ts";

export function ImportStatusBadge({ status }: { status: Import["status"] }) {
  return <span className={`badge badge--${importStatusTones[status]}`}>{importStatusLabels[status]}</span>;
}

export function EnabledBadge({ enabled }: { enabled: boolean }) {
  return <span className={`badge ${enabled ? "badge--success" : "badge--neutral"}`}>{enabled ? "Enabled" : "Disabled"}</span>;
}
