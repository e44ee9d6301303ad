/*
 * The numbers of a simulation's diff, from its counts.byKind ("grant:account" -> 3): a row per
 * entitlement type with its grants and revokes, and how many changes a filter of the table holds.
 */

export const entitlementTypes = ["account", "access", "permission"] as const;
export type EntitlementType = (typeof entitlementTypes)[number];
export type ChangeAction = "grant" | "revoke";

export const typeLabels: Record<EntitlementType, string> = { account: "Accounts", access: "Access", permission: "Permissions" };

export function diffRows(byKind: Record<string, number> | undefined): { type: EntitlementType; grants: number; revokes: number }[] {
  return entitlementTypes.map((type) => ({ type, grants: byKind?.[`grant:${type}`] ?? 0, revokes: byKind?.[`revoke:${type}`] ?? 0 }));
}

export function changesTotal(byKind: Record<string, number> | undefined, filter: { action: ChangeAction | undefined; type: EntitlementType | undefined }): number {
  let total = 0;
  for (const [kind, count] of Object.entries(byKind ?? {})) {
    const [action, type] = kind.split(":");
    if ((filter.action === undefined || filter.action === action) && (filter.type === undefined || filter.type === type)) total += count;
  }
  return total;
}
