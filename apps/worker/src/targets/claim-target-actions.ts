import type { TransactionClient } from "@idlife/db";

export type TargetActionKind = "create_account" | "update_account" | "enable_account" | "disable_account" | "delete_account" | "grant_permission" | "revoke_permission";

export interface ClaimedAction {
  id: string;
  personId: string | null;
  kind: TargetActionKind;
  payload: Record<string, unknown>;
  requestedBy: unknown;
  attempts: number;
  createdAt: Date;
  /** The row was found running with its worker gone: what it did is unknown (a create is looked up first). */
  outcomeUnknown: boolean;
}

/**
 * Claims up to `limit` due rows of one system: planned ones whose time has come, and running ones
 * whose worker died (started longer than `staleAfterMs` ago). They are marked running with one
 * more attempt and committed BEFORE any connector call, so a crash leaves a trace that the next
 * run finds. SKIP LOCKED: two runners never claim the same row.
 */
export async function claimTargetActions(tx: TransactionClient, input: { tenantId: string; targetSystemId: string; limit: number; staleAfterMs: number }): Promise<ClaimedAction[]> {
  const rows = await tx.$queryRaw<Array<{ id: string; person_id: string | null; kind: TargetActionKind; payload: unknown; requested_by: unknown; attempts: number; created_at: Date; previous_state: string }>>`
    WITH due AS (
      SELECT id, state::text AS previous_state FROM target_actions
      WHERE tenant_id = ${input.tenantId}::uuid AND target_system_id = ${input.targetSystemId}::uuid
        AND ((state = 'planned' AND run_after <= now())
          OR (state = 'running' AND started_at < now() - make_interval(secs => ${input.staleAfterMs / 1000})))
      ORDER BY run_after, created_at
      LIMIT ${input.limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE target_actions AS action SET state = 'running', attempts = action.attempts + 1, started_at = now(),
      -- Remembered for good: a later attempt (after a "busy" answer) still looks the account up first.
      payload = CASE WHEN due.previous_state = 'running' THEN action.payload || '{"outcomeUnknown": true}'::jsonb ELSE action.payload END
    FROM due WHERE action.id = due.id
    RETURNING action.id, action.person_id, action.kind, action.payload, action.requested_by, action.attempts, action.created_at, due.previous_state`;
  return rows.map((row) => ({
    id: row.id,
    personId: row.person_id,
    kind: row.kind,
    payload: (row.payload ?? {}) as Record<string, unknown>,
    requestedBy: row.requested_by,
    attempts: row.attempts,
    createdAt: row.created_at,
    outcomeUnknown: row.previous_state === "running" || (row.payload as { outcomeUnknown?: unknown } | null)?.outcomeUnknown === true,
  }));
}

const KIND_ORDER: Record<TargetActionKind, number> = { create_account: 0, update_account: 1, enable_account: 1, grant_permission: 1, revoke_permission: 1, disable_account: 1, delete_account: 2 };

/**
 * The claimed rows per person, each person's in the order they must run: the create before
 * everything else (a grant waits behind it), the delete after everything else, the rest as asked.
 */
export function byPerson(actions: readonly ClaimedAction[]): ClaimedAction[][] {
  const groups = new Map<string, ClaimedAction[]>();
  for (const action of actions) {
    const key = action.personId ?? `row:${action.id}`;
    groups.set(key, [...(groups.get(key) ?? []), action]);
  }
  return [...groups.values()].map((group) => group.sort((left, right) => KIND_ORDER[left.kind] - KIND_ORDER[right.kind] || left.createdAt.getTime() - right.createdAt.getTime()));
}

