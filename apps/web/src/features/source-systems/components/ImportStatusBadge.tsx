import type { Import } from "@idlife/contracts";
import { describeImportState, importStateTones } from "../import-progress.ts";

/** The import's state as an administrator reads it: a completed import that blocked persons is amber. */
export function ImportStatusBadge({ run }: { run: Pick<Import, "state" | "persons"> }) {
  return <span className={`badge badge--${importStateTones[run.state]}`}>{describeImportState(run)}</span>;
}
