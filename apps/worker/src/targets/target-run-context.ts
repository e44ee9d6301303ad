import type { ComplexEvaluator } from "@idlife/core";
import type { TargetConnector, TargetSession } from "@idlife/connectors";
import type { EngineTargetSystem, PersonForTarget, TenantScope } from "@idlife/use-cases";
import type { SavedAccount } from "./account-records.ts";
import type { ClaimedAction } from "./claim-target-actions.ts";

/** What every action of one run shares: the tenant's data, the system, its one apply session. */
export interface TargetRunContext {
  db: TenantScope;
  system: EngineTargetSystem;
  connector: TargetConnector;
  session: TargetSession;
  complexFor?: (person: PersonForTarget, system: EngineTargetSystem) => ComplexEvaluator;
  /**
   * Hands a new account's generated password to whoever must deliver it (a notification, later;
   * a test that binds with it). Nothing else ever sees the password.
   */
  onPassword?: (personId: string, password: string) => void;
  /** Unique values claimed for the batch's new accounts before the run started (person id -> value keys). */
  preclaimed?: ReadonlyMap<string, ReadonlySet<string>>;
}

/** The audit entry of one action: old -> new attribute values, its state and message. */
export interface ActionAudit {
  action: string;
  state: "success" | "warning" | "error" | "skipped";
  message: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/**
 * How an action ended. `account` and `effects` change the platform's records (the account;
 * entitlements, reservations) in the same transaction that finishes the row and writes the audit
 * entry. `account` is data, so the outcomes of many actions are written with one statement.
 */
export type ActionOutcome =
  | {
      state: "succeeded" | "failed" | "skipped";
      error?: string;
      result: Record<string, unknown>;
      audit: ActionAudit;
      account?: SavedAccount;
      effects?: (tx: import("@idlife/db").TransactionClient) => Promise<void>;
    }
  /** Not run now: back to planned, to run after `runAfter` (a grant behind its create). */
  | { state: "deferred"; runAfter: Date; reason: string };

export type ActionRunner = (context: TargetRunContext, action: ClaimedAction, person: PersonForTarget) => Promise<ActionOutcome>;

export const failed = (action: string, message: string, extra: Partial<ActionAudit> = {}): ActionOutcome => ({
  state: "failed",
  error: message,
  result: { message },
  audit: { action, state: "error", message, ...extra },
});
