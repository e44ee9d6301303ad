import type { Condition, ContractScope } from "../rules/condition.ts";

/*
 * What a business rule grants, in the target systems' vocabulary: an account per person per
 * target system, account access (enabled), and permissions (memberships).
 */
export type RuleEntitlement =
  | { kind: "account"; targetSystemId: string }
  | { kind: "access"; targetSystemId: string }
  | { kind: "permission"; targetSystemId: string; permissionId: string }
  /**
   * A permission named from the matching contract ("school-{Contract.Location.ExternalId}-staff"):
   * one rule instead of one per school; created in the target when missing and `create` is set.
   */
  | { kind: "dynamic-permission"; targetSystemId: string; nameTemplate: string; create: boolean };

/** When entitlements start and end, relative to the matching contracts' dates (days). */
export interface LifecycleTiming {
  /** The account exists (disabled) this many days before the first matching contract starts. */
  accountDaysBefore: number;
  /** Access (and permissions) continue this many days after the last matching contract ends. */
  graceDays: number;
  /** The account is deleted this many days after the last matching contract ends (access ends before). */
  deleteAfterDays: number;
}

export const DEFAULT_TIMING: LifecycleTiming = { accountDaysBefore: 0, graceDays: 0, deleteAfterDays: 30 };

export interface BusinessRuleDefinition {
  id: string;
  name: string;
  condition: Condition;
  contractScope: ContractScope;
  entitlements: RuleEntitlement[];
  /** Per-rule timing; systems' own timing (or the default) where left out. */
  timing?: Partial<LifecycleTiming>;
}
