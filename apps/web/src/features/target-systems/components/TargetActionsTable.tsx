import type { targetActionSchema } from "@idlife/contracts";
import type { z } from "zod";
import { DataTable } from "../../../components/DataTable.tsx";
import { formatDateTime } from "../../../lib/format.ts";

type TargetAction = z.infer<typeof targetActionSchema>;

const stateTones: Record<TargetAction["state"], string> = { planned: "info", running: "info", succeeded: "success", failed: "danger", blocked: "warning", skipped: "neutral" };
const kindLabels: Record<TargetAction["kind"], string> = {
  create_account: "Create account",
  update_account: "Update account",
  enable_account: "Enable account",
  disable_account: "Disable account",
  delete_account: "Delete account",
  grant_permission: "Grant permission",
  revoke_permission: "Revoke permission",
};

/** Messages of an action's result, as the runner recorded them ("correlated", old -> new values). */
function resultSummary(result: unknown): string {
  if (!result || typeof result !== "object") return "";
  const { message, messages } = result as { message?: unknown; messages?: unknown };
  const lines = [message, ...(Array.isArray(messages) ? messages : [])].filter((line): line is string => typeof line === "string" && line !== "");
  return [...new Set(lines)].join(" ");
}

export function TargetActionsTable({ actions, showSystem }: { actions: TargetAction[]; showSystem: boolean }) {
  return (
    <DataTable
      caption="Target actions"
      columns={["Requested", showSystem && "System", "Action", "State", "Attempts", "Message"]}
      items={actions}
      renderRow={(action) => (
        <>
          <td>{formatDateTime(action.createdAt)}</td>
          {showSystem && <td>{action.targetSystemName}</td>}
          <td>{kindLabels[action.kind]}</td>
          <td>
            <span className={`badge badge--${stateTones[action.state]}`}>{action.state}</span>
          </td>
          <td>{action.attempts}</td>
          <td>{action.error ?? resultSummary(action.result)}</td>
        </>
      )}
    />
  );
}
