import { isIsolateTimeout, memoryMessage, timeoutMessage } from "../sandbox-error.ts";
import { MappingIsolate } from "./mapping-isolate.ts";

export interface MappingLimits {
  timeoutMs: number;
  memoryLimitMb: number;
  maxLimitFailuresPerField: number;
}

export interface Batch {
  /** Position of each batch input in the run's inputs. */
  inputIndexes: number[];
  /** One JSON `[source, sourceContract]` per input. */
  texts: string[];
  fieldIndexes: readonly number[];
}

/** Per-call result from the harness; see mapping-harness-source.ts. */
export type EncodedResult =
  | [1]
  | [1, unknown]
  | [0, "syntax" | "runtime" | "timeout" | "memory", string, number | null]
  | [2];

/** Calls are numbered input-major over the batch's fields. */
export type RecordResult = (call: number, encoded: EncodedResult) => void;

/** `cutShort`: the run's overall deadline, not the script's own limit, set the time the attempt had. */
export type Attempt = { output: string } | { error: unknown; mappingIsolate: MappingIsolate; cutShort: boolean } | { expired: true };

const MAX_BATCH_INPUTS = 2_000;

const DEADLINE_REACHED: EncodedResult = [0, "timeout", "Not run: the time limit for the whole run (such as a preview's) was reached before this script ran", null];

/** An error that escaped the script's own try/catch from the sandbox itself, e.g. `import()`. */
function sandboxFailure(error: unknown): EncodedResult {
  const message = error instanceof Error ? error.message : String(error);
  return message === "Not supported"
    ? [0, "runtime", "The script uses import(), which mapping scripts cannot do; everything a script needs must be in the script itself", null]
    : [0, "runtime", `The script failed in the sandbox: ${message}`, null];
}

/**
 * Runs batches in the program's isolate and turns the isolate's limits into per-call results.
 *
 * Time: a batch may run for one call's limit plus a slack. When a batch is stopped, the harness
 * says which call was running and since when. If that call alone had its full limit, it is the
 * culprit and is reported at once; otherwise the batch, not the call, used up the time, and the
 * call is re-run alone with its full limit. Either way the batch resumes after it. Batches are
 * sized to take half the slack, so a stuck call normally costs one limit plus a little.
 *
 * Memory: the limit disposes the isolate, and the batch's progress with it. A fresh isolate then
 * runs the rest of the batch one call at a time, which finds the call (or calls) responsible.
 */
export class BatchRunner {
  batchSize = 200;
  private readonly batchSlackMs: number;
  private readonly limitFailures = new Map<number, { count: number; kind: "timeout" | "memory" }>();
  private disposed = false;
  /** Date.now() after which nothing more runs in the current run, if the caller set one. */
  deadline: number | undefined;

  constructor(
    private readonly scripts: readonly string[],
    private readonly uncompilable: ReadonlySet<number>,
    private mappingIsolate: MappingIsolate | undefined,
    private readonly limits: MappingLimits,
  ) {
    this.batchSlackMs = Math.max(25, Math.round(limits.timeoutMs * 0.1));
  }

  /** Starts a batch at `firstCall`; never rejects for the script's sake, so it can run while the host prepares the next batch. */
  async attempt(batch: Batch, firstCall = 0): Promise<Attempt> {
    const { timeoutMs, cutShort } = this.timeLeft(this.limits.timeoutMs + this.batchSlackMs);
    if (timeoutMs <= 0) return { expired: true };
    const mappingIsolate = await this.isolate();
    const startedAt = performance.now();
    try {
      const output = await mappingIsolate.runBatch(batch.texts.join("\n"), batch.fieldIndexes, firstCall, this.switchedOffFields(), timeoutMs);
      if (firstCall === 0) this.resizeBatches(batch.texts.length, performance.now() - startedAt);
      return { output };
    } catch (error) {
      this.assertUsable();
      return { error, mappingIsolate, cutShort };
    }
  }

  /** The time an attempt may take: its own limit, or less when the run's deadline comes first. */
  private timeLeft(limitMs: number): { timeoutMs: number; cutShort: boolean } {
    if (this.deadline === undefined) return { timeoutMs: limitMs, cutShort: false };
    const remaining = Math.floor(this.deadline - Date.now());
    return remaining < limitMs ? { timeoutMs: remaining, cutShort: true } : { timeoutMs: limitMs, cutShort: false };
  }

  /** Records an attempt's results; after a failed attempt, finds the culprit and finishes the batch. */
  async complete(batch: Batch, attempt: Attempt, record: RecordResult): Promise<void> {
    const total = batch.texts.length * batch.fieldIndexes.length;
    let firstCall = 0;
    for (let current = attempt; ; current = await this.attempt(batch, firstCall)) {
      if ("output" in current) {
        recordAll(current.output, firstCall, record);
        return;
      }
      if ("expired" in current) {
        for (let call = firstCall; call < total; call++) record(call, DEADLINE_REACHED);
        return;
      }
      firstCall = await this.recover(batch, firstCall, current, record);
      if (firstCall >= total) return;
    }
  }

  /** After a stopped batch: returns the call to resume from. */
  private async recover(
    batch: Batch,
    firstCall: number,
    failed: { error: unknown; mappingIsolate: MappingIsolate; cutShort: boolean },
    record: RecordResult,
  ): Promise<number> {
    const fieldCount = batch.fieldIndexes.length;
    const total = batch.texts.length * fieldCount;
    // Out of memory, or an error from the sandbox itself that can surface after the calls are
    // done (import() fails when the batch's promise jobs run): one call at a time finds the culprit.
    if (failed.mappingIsolate.isDisposed || !isIsolateTimeout(failed.error)) {
      if (failed.mappingIsolate.isDisposed) this.mappingIsolate = undefined;
      for (let call = firstCall; call < total; call++) await this.runAlone(batch, call, record);
      return total;
    }
    const progress = await failed.mappingIsolate.progress();
    const finished = recordAll(progress.completed, firstCall, record);
    const stuckCall = firstCall + finished;
    if (stuckCall >= total) return total;
    if (failed.cutShort) {
      for (let call = stuckCall; call < total; call++) record(call, DEADLINE_REACHED);
      return total;
    }
    const batchTimeoutMs = this.limits.timeoutMs + this.batchSlackMs;
    const ranForMs = progress.batchStartedAt + batchTimeoutMs - progress.callStartedAt;
    if (ranForMs >= this.limits.timeoutMs) {
      this.noteLimitFailure(batch.fieldIndexes[stuckCall % fieldCount]!, "timeout");
      record(stuckCall, this.timeoutResult());
    } else {
      this.batchSize = Math.max(1, Math.floor(this.batchSize / 2));
      await this.runAlone(batch, stuckCall, record);
    }
    return stuckCall + 1;
  }

  /** One call in its own crossing, with exactly the per-call limits. */
  private async runAlone(batch: Batch, call: number, record: RecordResult): Promise<void> {
    const fieldCount = batch.fieldIndexes.length;
    const fieldIndex = batch.fieldIndexes[call % fieldCount]!;
    if (this.isSwitchedOff(fieldIndex)) return record(call, [2]);
    const { timeoutMs, cutShort } = this.timeLeft(this.limits.timeoutMs);
    if (timeoutMs <= 0) return record(call, DEADLINE_REACHED);
    const mappingIsolate = await this.isolate();
    try {
      const inputText = batch.texts[Math.floor(call / fieldCount)]!;
      const output = await mappingIsolate.runBatch(inputText, [fieldIndex], 0, [], timeoutMs);
      recordAll(output, call, record);
    } catch (error) {
      this.assertUsable();
      if (isIsolateTimeout(error) && cutShort) {
        record(call, DEADLINE_REACHED);
      } else if (isIsolateTimeout(error)) {
        this.noteLimitFailure(fieldIndex, "timeout");
        record(call, this.timeoutResult());
      } else if (mappingIsolate.isDisposed) {
        this.mappingIsolate = undefined;
        this.noteLimitFailure(fieldIndex, "memory");
        record(call, [0, "memory", memoryMessage("The script", this.limits.memoryLimitMb), null]);
      } else {
        record(call, sandboxFailure(error));
      }
    }
  }

  /** For results marked "not run" ([2]): which limit the field kept hitting. */
  limitFailure(fieldIndex: number): { count: number; kind: "timeout" | "memory" } | undefined {
    return this.limitFailures.get(fieldIndex);
  }

  dispose(): void {
    this.disposed = true;
    this.mappingIsolate?.dispose();
    this.mappingIsolate = undefined;
  }

  private timeoutResult(): EncodedResult {
    return [0, "timeout", timeoutMessage("The script", this.limits.timeoutMs), null];
  }

  private async isolate(): Promise<MappingIsolate> {
    this.assertUsable();
    if (this.mappingIsolate && !this.mappingIsolate.isDisposed) return this.mappingIsolate;
    const { mappingIsolate } = await MappingIsolate.create(this.scripts, this.limits.memoryLimitMb, this.uncompilable);
    if (this.disposed) mappingIsolate.dispose();
    this.assertUsable();
    this.mappingIsolate = mappingIsolate;
    return mappingIsolate;
  }

  private resizeBatches(inputCount: number, elapsedMs: number): void {
    const perInputMs = Math.max(elapsedMs / inputCount, 0.001);
    this.batchSize = Math.min(MAX_BATCH_INPUTS, Math.max(1, Math.floor(this.batchSlackMs / 2 / perInputMs)));
  }

  private noteLimitFailure(fieldIndex: number, kind: "timeout" | "memory"): void {
    const count = (this.limitFailures.get(fieldIndex)?.count ?? 0) + 1;
    this.limitFailures.set(fieldIndex, { count, kind });
  }

  private isSwitchedOff(fieldIndex: number): boolean {
    return (this.limitFailures.get(fieldIndex)?.count ?? 0) >= this.limits.maxLimitFailuresPerField;
  }

  private switchedOffFields(): number[] {
    return [...this.limitFailures.keys()].filter((fieldIndex) => this.isSwitchedOff(fieldIndex));
  }

  private assertUsable(): void {
    if (this.disposed) throw new Error("This mapping program has been disposed; create a new one");
  }
}

/** Records a harness output (a JSON array of encoded results) from `firstCall` on; returns how many. */
function recordAll(output: string, firstCall: number, record: RecordResult): number {
  const encoded = JSON.parse(output) as EncodedResult[];
  for (let offset = 0; offset < encoded.length; offset++) record(firstCall + offset, encoded[offset]!);
  return encoded.length;
}
