/**
 * Mapping programs: the administrator's "complex" field mappings, compiled once and run for every
 * person of an import.
 *
 * A script is either one expression, whose value is the result (`source.FirstName.trim()`; a
 * trailing `;` is fine), or a function body that `return`s it. It receives `source` (the raw
 * person) and `sourceContract` (the raw contract on the Contract tab, else undefined) as its own
 * copies, runs in strict mode with modern syntax, and sees only JavaScript's built-ins, frozen.
 * The result must be JSON: undefined becomes null, a Date its ISO text, NaN null; functions,
 * symbols, BigInts and promises are errors.
 */
import { z } from "zod";
import { parseOrExplain } from "../parse-or-explain.ts";
import { type Attempt, type Batch, BatchRunner, type EncodedResult, type MappingLimits, type RecordResult } from "./batch-runner.ts";
import { type CompileError, MappingIsolate } from "./mapping-isolate.ts";

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type MappingFailureKind = "syntax" | "runtime" | "timeout" | "memory";

/** The outcome of one field's script for one input. `line` is the line in the administrator's script. */
export type FieldResult =
  | { ok: true; value: JsonValue }
  | { ok: false; kind: MappingFailureKind; message: string; line?: number };

/** One input's results, keyed by field name. */
export type MappedInput = Record<string, FieldResult>;

export interface MappingInput {
  /** The raw person exactly as the source delivered it; handed to the script as JSON. */
  source: unknown;
  /** On the Contract tab: the raw contract being mapped. */
  sourceContract?: unknown;
}

export interface MappingField {
  field: string;
  script: string;
}

export interface MappingProgramOptions {
  /** Time limit of one script for one input. Default 1000 ms. */
  timeoutMs?: number;
  /** Memory limit of the isolate running the scripts. Default 64 MB. */
  memoryLimitMb?: number;
  /**
   * After a field's script has hit the time or memory limit this many times, the program stops
   * running it and reports "not run" for later inputs, so one endless loop cannot hold an import
   * of 100,000 persons for a day. Default 10.
   */
  maxLimitFailuresPerField?: number;
}

export interface RunOptions {
  /**
   * Date.now() by which the whole run must be done (e.g. an interactive preview): what has not
   * run by then is reported as kind "timeout", "Not run: ... time limit ... was reached".
   */
  deadline?: number;
}

export interface MappingProgram {
  readonly fields: readonly string[];
  /** Fields whose script does not compile; every run reports them as kind "syntax". */
  readonly compileErrors: Readonly<Record<string, CompileError>>;
  /** Runs the scripts (all, or `fieldsToRun`) for every input; one result per input, in order. */
  run(inputs: readonly MappingInput[], fieldsToRun?: readonly string[], options?: RunOptions): Promise<MappedInput[]>;
  dispose(): void;
}

export const optionsSchema = z.object({
  timeoutMs: z.number().int().min(1).max(60_000).default(1000),
  memoryLimitMb: z.number().int().min(8).max(4096).default(64),
  maxLimitFailuresPerField: z.number().int().min(1).default(10),
});

export const fieldsSchema = z
  .array(
    z.object({
      field: z.string().min(1).refine((name) => name !== "__proto__", "'__proto__' cannot be a field name"),
      script: z.string(),
    }),
  )
  .refine((fields) => new Set(fields.map((field) => field.field)).size === fields.length, "field names must be unique");

/**
 * Compiles every field's script once into a fresh isolate in this process. Resolves even when
 * scripts do not compile: those fields are listed in `compileErrors` and yield kind "syntax" on
 * every run. A script can still end this process (a V8 fatal out-of-memory error is not caught by
 * an isolate's memory limit): services use `createMappingProgram`, which runs this in a sandbox
 * process.
 */
export async function createInProcessMappingProgram(
  fields: readonly MappingField[],
  options: MappingProgramOptions = {},
): Promise<MappingProgram> {
  const parsedFields = parseOrExplain(fieldsSchema, fields, "mapping fields");
  const limits = parseOrExplain(optionsSchema, options, "mapping program options");
  const scripts = parsedFields.map((field) => field.script);
  const { mappingIsolate, compileErrors } = await MappingIsolate.create(scripts, limits.memoryLimitMb);
  return new IsolatedMappingProgram(
    parsedFields.map((field) => field.field),
    scripts,
    compileErrors,
    mappingIsolate,
    limits,
  );
}

const NOT_RUN: FieldResult = { ok: false, kind: "runtime", message: "Not run" };
const MAX_BATCH_TEXT_LENGTH = 4 * 1024 * 1024;

class IsolatedMappingProgram implements MappingProgram {
  readonly compileErrors: Readonly<Record<string, CompileError>>;
  private readonly runner: BatchRunner;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly fields: readonly string[],
    scripts: readonly string[],
    private readonly compileErrorsByIndex: ReadonlyMap<number, CompileError>,
    mappingIsolate: MappingIsolate,
    private readonly limits: MappingLimits,
  ) {
    this.runner = new BatchRunner(scripts, new Set(compileErrorsByIndex.keys()), mappingIsolate, limits);
    const byName: Record<string, CompileError> = {};
    for (const [index, error] of compileErrorsByIndex) byName[fields[index]!] = error;
    this.compileErrors = byName;
  }

  run(inputs: readonly MappingInput[], fieldsToRun?: readonly string[], options: RunOptions = {}): Promise<MappedInput[]> {
    // One isolate runs one batch at a time; concurrent callers wait their turn.
    const result = this.queue.then(() => {
      this.runner.deadline = options.deadline;
      return this.runNow(inputs, fieldsToRun);
    });
    this.queue = result.catch(() => undefined);
    return result;
  }

  dispose(): void {
    this.runner.dispose();
  }

  private async runNow(inputs: readonly MappingInput[], fieldsToRun?: readonly string[]): Promise<MappedInput[]> {
    const selected = this.selectFields(fieldsToRun);
    const runnable = selected.filter((index) => !this.compileErrorsByIndex.has(index));
    // Every result lists its fields in the selected order; runs overwrite the placeholders.
    const template: MappedInput = {};
    for (const index of selected) {
      const compileError = this.compileErrorsByIndex.get(index);
      template[this.fields[index]!] = compileError ? { ok: false, kind: "syntax", ...compileError } : NOT_RUN;
    }
    const results: MappedInput[] = inputs.map(() => ({ ...template }));
    if (runnable.length === 0) return results;

    let next = 0;
    const takeBatch = (): Batch | undefined => {
      const batch: Batch = { inputIndexes: [], texts: [], fieldIndexes: runnable };
      let textLength = 0;
      while (next < inputs.length && batch.texts.length < this.runner.batchSize && textLength < MAX_BATCH_TEXT_LENGTH) {
        const text = encodeInput(inputs[next]!);
        if (typeof text === "string") {
          batch.inputIndexes.push(next);
          batch.texts.push(text);
          textLength += text.length;
        } else {
          for (const index of runnable) results[next]![this.fields[index]!] = text;
        }
        next++;
      }
      return batch.texts.length > 0 ? batch : next < inputs.length ? takeBatch() : undefined;
    };

    // Pipelined: while the isolate's thread runs one batch, this thread records the previous
    // batch's results and encodes the next batch.
    let batch = takeBatch();
    let unrecorded: { batch: Batch; attempt: Attempt } | undefined;
    while (batch) {
      const running = this.runner.attempt(batch);
      running.catch(() => undefined); // awaited below; this only keeps an early rejection from counting as unhandled
      if (unrecorded) await this.runner.complete(unrecorded.batch, unrecorded.attempt, this.recorder(unrecorded.batch, results));
      const following = takeBatch();
      const attempt = await running;
      unrecorded = { batch, attempt };
      // A failed batch is finished before the next one starts: recovery needs the isolate.
      if (!("output" in attempt)) {
        await this.runner.complete(batch, attempt, this.recorder(batch, results));
        unrecorded = undefined;
      }
      batch = following;
    }
    if (unrecorded) await this.runner.complete(unrecorded.batch, unrecorded.attempt, this.recorder(unrecorded.batch, results));
    return results;
  }

  private recorder(batch: Batch, results: MappedInput[]): RecordResult {
    const fieldCount = batch.fieldIndexes.length;
    return (call, encoded) => {
      const inputIndex = batch.inputIndexes[Math.floor(call / fieldCount)]!;
      const fieldIndex = batch.fieldIndexes[call % fieldCount]!;
      results[inputIndex]![this.fields[fieldIndex]!] = this.decode(encoded, fieldIndex);
    };
  }

  private decode(encoded: EncodedResult, fieldIndex: number): FieldResult {
    switch (encoded[0]) {
      case 1:
        return { ok: true, value: encoded.length > 1 ? (encoded[1] as JsonValue) : null };
      case 0: {
        const [, kind, message, line] = encoded;
        return line === null ? { ok: false, kind, message } : { ok: false, kind, message, line };
      }
      case 2: {
        const failure = this.runner.limitFailure(fieldIndex);
        const limit = failure?.kind === "memory" ? "memory" : "time";
        return {
          ok: false,
          kind: failure?.kind ?? "timeout",
          message: `Not run: this script already went over its ${limit} limit for ${failure?.count ?? this.limits.maxLimitFailuresPerField} records; fix the script and run again`,
        };
      }
    }
  }

  private selectFields(fieldsToRun: readonly string[] | undefined): number[] {
    if (fieldsToRun === undefined) return this.fields.map((_, index) => index);
    return fieldsToRun.map((name) => {
      const index = this.fields.indexOf(name);
      if (index === -1) {
        throw new Error(`Unknown mapping field '${name}'; this program maps: ${this.fields.join(", ")}`);
      }
      return index;
    });
  }
}

/** JSON `[source, sourceContract]`, or the failure to report when the record is not JSON. */
function encodeInput(input: MappingInput): string | FieldResult {
  try {
    const pair = input.sourceContract === undefined ? [input.source ?? null] : [input.source ?? null, input.sourceContract];
    return JSON.stringify(pair);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, kind: "runtime", message: `The source record cannot be handed to the script as JSON: ${reason}` };
  }
}
