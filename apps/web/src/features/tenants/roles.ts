import type { MemberRole } from "@idlife/contracts";

export const roleLabels: Record<MemberRole, string> = {
  owner: "Owner",
  admin: "Administrator",
  operator: "Operator",
  auditor: "Auditor",
};

export const roleDescriptions: Record<MemberRole, string> = {
  owner: "Full control of this tenant, including its members and API keys.",
  admin: "Manages configuration, members and API keys.",
  operator: "Runs imports and provisioning, and handles day-to-day work.",
  auditor: "Reads everything, including the audit log, and changes nothing.",
};

/** Owners and administrators manage members and API keys; the API enforces this, the UI just follows. */
export function canManageTenant(role: MemberRole): boolean {
  return role === "owner" || role === "admin";
}
