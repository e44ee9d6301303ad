import { asTenantId, type Prisma } from "@idlife/db";
import type { JobProducer } from "@idlife/jobs";
import type { TargetSession } from "@idlife/connectors";
import { compileComplexMappings, enqueueTargetRun, loadPersonForTarget, loadPersonsForTarget, loadTargetSystem, openTargetSession, tenantScope, UseCaseError, type EngineTargetSystem } from "@idlife/use-cases";
import { createPacer, inLanes, laneCount } from "./action-pacer.ts";
import { busyDelayMs, DEFAULT_BUSY_POLICY, describeDuration, isBusy, type BusyPolicy } from "./busy-backoff.ts";
import { byPerson, claimTargetActions, type ClaimedAction } from "./claim-target-actions.ts";
import { runChangeAccount, runDeleteAccount } from "./change-account-action.ts";
import { runCreateAccount } from "./create-account-action.ts";
import { runPermissionAction } from "./permission-action.ts";
import { OutcomeWriter } from "./outcome-writer.ts";
import { preclaimUniqueValues, valuesFreeInTarget, withKnownFree } from "./preclaim-unique-values.ts";
import { recordBusy, recordOutcome, recordOutcomes, releaseUnstarted } from "./record-outcome.ts";
import { failed, type ActionRunner, type TargetRunContext } from "./target-run-context.ts";
import { scheduleNextRun } from "./schedule-next-run.ts";

export interface RunTargetActionsDeps {
  prisma: Prisma;
  secretsKey: Buffer;
  jobs: JobProducer;
  complexFor?: TargetRunContext["complexFor"];
  onPassword?: TargetRunContext["onPassword"];
  /** HTTP for SCIM and other HTTP connectors (connectorFetch: private networks refused unless allowed). */
  fetch?: typeof fetch;
  /** A running row older than this belongs to a dead worker (only one run per system is active at a time). */
  staleAfterMs?: number;
  /** Rows per run; then the run asks for the next one, so other systems and tenants get their turn. */
  batchSize?: number;
  busyPolicy?: BusyPolicy;
}

export interface RunTargetActionsSummary {
  claimed: number;
  succeeded: number;
  failed: number;
  retried: number;
  skipped?: "disabled" | "paused" | "gone";
}

export const TARGET_BATCH_SIZE = 200;

const RUNNERS: Record<ClaimedAction["kind"], ActionRunner> = {
  create_account: runCreateAccount,
  update_account: runChangeAccount,
  enable_account: runChangeAccount,
  disable_account: runChangeAccount,
  delete_account: runDeleteAccount,
  grant_permission: runPermissionAction,
  revoke_permission: runPermissionAction,
};

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Runs the due actions of one target system: claims a bounded batch, runs it through one apply
 * session within the system's concurrency and rate, records each outcome with its audit entry,
 * and asks for the next run (more rows, a backoff, a pause). A "busy" answer pauses this system
 * only; its rows wait, other systems' runs are separate jobs and carry on.
 */
export async function runTargetActions(deps: RunTargetActionsDeps, input: { tenantId: string; targetSystemId: string }): Promise<RunTargetActionsSummary> {
  const db = tenantScope(deps.prisma, asTenantId(input.tenantId));
  const summary: RunTargetActionsSummary = { claimed: 0, succeeded: 0, failed: 0, retried: 0 };
  const policy = deps.busyPolicy ?? DEFAULT_BUSY_POLICY;
  const staleAfterMs = deps.staleAfterMs ?? 60_000;
  const batchSize = deps.batchSize ?? TARGET_BATCH_SIZE;
  const schedule = (busyUntil: Date | null, more: boolean) => scheduleNextRun({ db, jobs: deps.jobs, targetSystemId: input.targetSystemId, staleAfterMs, busyUntil, more });
  let system: EngineTargetSystem;
  try {
    system = await db.run((tx) => loadTargetSystem(tx, db.tenantId, input.targetSystemId));
  } catch (error) {
    if (error instanceof UseCaseError && error.status === 404) return { ...summary, skipped: "gone" };
    throw error;
  }
  if (!system.enabled) return { ...summary, skipped: "disabled" };
  if (system.pausedUntil && system.pausedUntil.getTime() > Date.now()) {
    await enqueueTargetRun(deps.jobs, db.tenantId, system.id, system.pausedUntil.getTime() - Date.now());
    return { ...summary, skipped: "paused" };
  }
  // A slow (rate-limited) system takes about ten seconds of work per run, so it holds a worker slot no longer than that.
  const limit = system.ratePerSecond ? Math.min(batchSize, Math.max(1, system.ratePerSecond * 10)) : batchSize;
  const claimed = await db.run((tx) => claimTargetActions(tx, { tenantId: db.tenantId, targetSystemId: system.id, limit, staleAfterMs }));
  summary.claimed = claimed.length;
  if (claimed.length === 0) {
    await schedule(null, false);
    return summary;
  }

  let busyUntil: Date | null = null;
  let busyReason = "";
  const onBusy = async (context: TargetRunContext, action: ClaimedAction, error: Parameters<typeof busyDelayMs>[0]) => {
    const until = new Date(Date.now() + busyDelayMs(error, action.attempts, policy));
    if (!busyUntil || until > busyUntil) busyUntil = until;
    busyReason = error.message;
    const final = action.attempts >= policy.maxAttempts ? `'${system.name}' refused the action ${action.attempts} times over ${describeDuration(Date.now() - action.createdAt.getTime())}: ${error.message}` : null;
    await recordBusy(context, action, until, final);
    if (final) summary.failed++;
    else summary.retried++;
  };

  let context: TargetRunContext;
  let compiled: Awaited<ReturnType<typeof compileComplexMappings>>;
  try {
    compiled = deps.complexFor ? undefined : await compileComplexMappings(system);
    const complexFor = deps.complexFor ?? compiled?.complexFor;
    const { connector, session } = await openTargetSession(system, deps.secretsKey, "apply", undefined, deps.fetch).catch((error: unknown) => {
      compiled?.dispose();
      throw error;
    });
    context = { db, system, connector, session, ...(complexFor ? { complexFor } : {}), ...(deps.onPassword ? { onPassword: deps.onPassword } : {}) };
  } catch (error) {
    const bare = { db, system } as TargetRunContext;
    for (const action of claimed) {
      if (isBusy(error)) await onBusy(bare, action, error);
      else {
        await recordOutcome(bare, action, failed(action.kind, `Could not connect to '${system.name}': ${messageOf(error)}`));
        summary.failed++;
      }
    }
    await pause(db, system.id, busyUntil, busyReason);
    await schedule(busyUntil, false);
    return summary;
  }

  const notStarted: ClaimedAction[] = [];
  const pace = createPacer(system.ratePerSecond);
  const writer = new OutcomeWriter((batch) => recordOutcomes(context, batch));
  const groups = byPerson(claimed);
  // One connection per lane, opened once per run (while the batch is prepared), as a script author's parallel clients would; one that cannot be opened leaves its lane on the first.
  const moreSessions = openMoreSessions(system, deps, laneCount(groups.length, system.concurrency) - 1);
  try {
    // The batch's persons in one read; a person's later action reads again after the earlier one is written (a grant sees its create).
    const persons = await db.run((tx) => loadPersonsForTarget(tx, db.tenantId, claimed.flatMap((action) => (action.personId ? [action.personId] : [])), system.id));
    context.preclaimed = await preclaimUniqueValues(context, claimed, persons);
    const [free] = await Promise.all([
      // A target that cannot answer now is asked again by each plan (where "busy" is handled per action).
      valuesFreeInTarget(context, context.preclaimed).catch(() => new Set<string>()),
      // Scripts for the whole batch in one sandbox call; if that fails, each action computes its own and reports its own error.
      compiled?.prefetch([...persons.values()]).catch(() => undefined),
    ]);
    const sessions = [context.session, ...(await moreSessions)];
    await inLanes(groups, system.concurrency, async (actions, lane) => {
      const laneContext = { ...context, session: withKnownFree(sessions[lane % sessions.length]!, free) };
      for (const [index, action] of actions.entries()) {
        if (busyUntil) {
          notStarted.push(action);
          continue;
        }
        await pace();
        try {
          if (index > 0) await writer.flushed();
          const person = (index === 0 && persons.get(action.personId ?? "")) || (await db.run((tx) => loadPersonForTarget(tx, db.tenantId, action.personId ?? "", system.id)));
          const outcome = await RUNNERS[action.kind](laneContext, action, person);
          writer.add({ action, outcome, personName: person.displayName });
          if (outcome.state === "failed") summary.failed++;
          else if (outcome.state !== "deferred") summary.succeeded++;
        } catch (error) {
          if (isBusy(error)) await onBusy(laneContext, action, error);
          else {
            writer.add({ action, outcome: failed(action.kind, messageOf(error)) });
            summary.failed++;
          }
        }
      }
    });
  } finally {
    compiled?.dispose();
    await Promise.all([context.session, ...(await moreSessions)].map((session) => session.close().catch(() => undefined)));
    await writer.flushed();
  }
  if (busyUntil) await releaseUnstarted(context, notStarted, busyUntil);
  // Nothing to write when the system was not paused and is not now (most runs).
  if (busyUntil || system.pausedUntil) await pause(db, system.id, busyUntil, busyReason);
  await schedule(busyUntil, claimed.length >= limit);
  return summary;
}

/** Further apply sessions for the run's other lanes; those that cannot be opened are left out. */
async function openMoreSessions(system: EngineTargetSystem, deps: RunTargetActionsDeps, count: number): Promise<TargetSession[]> {
  const opened = await Promise.all(Array.from({ length: Math.max(0, count) }, () => openTargetSession(system, deps.secretsKey, "apply", undefined, deps.fetch).then(({ session }) => session, () => null)));
  return opened.filter((session): session is TargetSession => session !== null);
}

/** Pauses the system until `until` with the target's answer as the reason; a run without "busy" lifts an old pause. */
async function pause(db: TargetRunContext["db"], targetSystemId: string, until: Date | null, reason: string): Promise<void> {
  await db.run((tx) =>
    tx.targetSystem.updateMany({ where: { tenantId: db.tenantId, id: targetSystemId }, data: until ? { pausedUntil: until, pauseReason: reason.slice(0, 1000) } : { pausedUntil: null, pauseReason: null } }),
  );
}
