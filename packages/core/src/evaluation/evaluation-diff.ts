import type { DesiredEntitlement, DesiredPermission, EntitlementReason, EntitlementType } from "./desired-entitlements.ts";

/** What a person holds now in the targets (managed by the platform only: nothing else is ever revoked). */
export interface CurrentEntitlements {
  /** Managed accounts by target system. */
  accounts: ReadonlyMap<string, { enabled: boolean }>;
  /** Managed permission grants. */
  permissions: readonly { targetSystemId: string; permissionId: string; name: string }[];
}

export interface PersonFlags {
  /** Excluded (by hand or the mapping's Excluded field): keeps everything as it is, no action at all. */
  excluded: boolean;
  /** "Revoke now" hold: access revoked everywhere, nothing granted until the hold is lifted. */
  held: boolean;
}

export interface PlannedChange {
  targetSystemId: string;
  type: EntitlementType;
  action: "grant" | "revoke";
  permission?: DesiredPermission & { id?: string };
  /** Grants: the rules behind it. Revokes: empty (no rule grants it any more) or the hold. */
  reasons: EntitlementReason[];
  /** Run order within a person: account, access, permission grants, permission revokes, access revoke, account delete. */
  step: number;
  why: string;
}

const STEP = { grantAccount: 0, grantAccess: 1, grantPermission: 2, revokePermission: 3, revokeAccess: 4, revokeAccount: 5 } as const;

/**
 * The changes that bring a person from what they hold to what the rules want, in the order they
 * must run: the account before access before permissions; on a move the new permission before
 * the old one goes; permission revokes before the account is deleted.
 */
export function diffEntitlements(desired: ReadonlyMap<string, DesiredEntitlement>, current: CurrentEntitlements, flags: PersonFlags): PlannedChange[] {
  if (flags.excluded) return [];
  const changes: PlannedChange[] = [];
  const systems = new Set<string>([...current.accounts.keys()]);
  for (const entitlement of desired.values()) systems.add(entitlement.targetSystemId);

  const heldReason = "held: access was revoked at once ('revoke now') until the hold is lifted";
  for (const system of systems) {
    const account = current.accounts.get(system);
    const wantAccount = desired.get(`${system}|account`);
    const wantAccess = desired.get(`${system}|access`);
    if (flags.held) {
      if (account?.enabled) changes.push({ targetSystemId: system, type: "access", action: "revoke", reasons: [], step: STEP.revokeAccess, why: heldReason });
      continue;
    }
    if (wantAccount && !account) changes.push({ targetSystemId: system, type: "account", action: "grant", reasons: wantAccount.reasons, step: STEP.grantAccount, why: "a rule grants the account" });
    if (wantAccess && !account?.enabled) changes.push({ targetSystemId: system, type: "access", action: "grant", reasons: wantAccess.reasons, step: STEP.grantAccess, why: "a rule grants access" });
    if (account && !wantAccount) {
      changes.push({ targetSystemId: system, type: "account", action: "revoke", reasons: [], step: STEP.revokeAccount, why: "no rule grants the account any more" });
    } else if (account?.enabled && !wantAccess) {
      changes.push({ targetSystemId: system, type: "access", action: "revoke", reasons: [], step: STEP.revokeAccess, why: "no rule grants access any more" });
    }
  }
  if (flags.held) return changes.sort((a, b) => a.step - b.step);

  // Permissions: desired by id or (dynamic) by name; held ones matched the same way.
  const heldKeys = new Map<string, (typeof current.permissions)[number]>();
  for (const permission of current.permissions) {
    heldKeys.set(`${permission.targetSystemId}|permission|id:${permission.permissionId}`, permission);
    heldKeys.set(`${permission.targetSystemId}|permission|name:${permission.name.toLowerCase()}`, permission);
  }
  const kept = new Set<string>();
  for (const entitlement of desired.values()) {
    if (entitlement.type !== "permission") continue;
    const have = heldKeys.get(entitlement.key);
    if (have) kept.add(`${have.targetSystemId}|${have.permissionId}`);
    else changes.push({ targetSystemId: entitlement.targetSystemId, type: "permission", action: "grant", permission: entitlement.permission, reasons: entitlement.reasons, step: STEP.grantPermission, why: "a rule grants the permission" });
  }
  for (const permission of current.permissions) {
    if (kept.has(`${permission.targetSystemId}|${permission.permissionId}`)) continue;
    changes.push({
      targetSystemId: permission.targetSystemId,
      type: "permission",
      action: "revoke",
      permission: { id: permission.permissionId, name: permission.name },
      reasons: [],
      step: STEP.revokePermission,
      why: "no rule grants the permission any more",
    });
  }
  return changes.sort((a, b) => a.step - b.step);
}
