import type { MemberRole } from "@idlife/contracts";
import { roleLabels } from "../roles.ts";

/** A member's or invitation's role, as the members and invitations tables show it. */
export function RoleBadge({ role }: { role: MemberRole }) {
  return <span className="badge badge--neutral">{roleLabels[role]}</span>;
}
