import { parseOrExplain } from "../parse-or-explain.ts";
import type { CompileError } from "./mapping-isolate.ts";
import {
  fieldsSchema,
  optionsSchema,
  type FieldResult,
  type MappedInput,
  type MappingField,
  type MappingInput,
  type MappingProgram,
  type MappingProgramOptions,
  type RunOptions,
} from "./mapping-program.ts";
import { sandboxPool } from "../process/sandbox-pool.ts";
import { SandboxCrashed, type SandboxProcess } from "../process/sandbox-process.ts";
import type { CreatedProgram } from "../process/sandbox-protocol.ts";

/** After this many crashes a program stops running its scripts (every later input: not run). */
const MAX_CRASHES = 3;
const CRASHED: FieldResult = {
  ok: false,
  kind: "memory",
  message: "The script stopped its sandbox process: it needed more memory than a sandbox can have",
};
const GAVE_UP: FieldResult = { ok: false, kind: "memory", message: `Not run: the scripts stopped their sandbox process ${MAX_CRASHES} times` };

let nextProgram = 1;

export interface ProcessMappingProgramOptions extends MappingProgramOptions {
  /** Whose records these are: each tenant's scripts run in a sandbox process of its own. */
  tenantId: string;
}

/**
 * Compiles every field's script once, in the tenant's sandbox process (see
 * createInProcessMappingProgram for what a script may do). Behaves like the in-process program,
 * and one thing more: a script that takes the whole sandbox process down (a V8 fatal
 * out-of-memory error, which no isolate limit catches) fails only for the input that did it, as
 * kind "memory"; this process, the other inputs and other tenants carry on.
 */
export async function createMappingProgram(fields: readonly MappingField[], options: ProcessMappingProgramOptions): Promise<MappingProgram> {
  const parsedFields = parseOrExplain(fieldsSchema, fields, "mapping fields");
  const { tenantId, ...programOptions } = options;
  if (typeof tenantId !== "string" || tenantId === "") throw new Error("A mapping program needs the tenant whose records it maps (tenantId)");
  parseOrExplain(optionsSchema, programOptions, "mapping program options");
  const process = await sandboxPool.acquire(tenantId);
  const program = new ProcessMappingProgram(parsedFields, programOptions, tenantId, process);
  try {
    await program.ensureCreated();
  } catch (error) {
    program.dispose();
    throw error;
  }
  return program;
}

class ProcessMappingProgram implements MappingProgram {
  readonly fields: readonly string[];
  compileErrors: Readonly<Record<string, CompileError>> = {};
  private readonly id = nextProgram++;
  private createdIn = 0;
  private crashes = 0;
  private disposed = false;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly definition: MappingField[],
    private readonly options: MappingProgramOptions,
    private readonly tenantId: string,
    private readonly process: SandboxProcess,
  ) {
    this.fields = definition.map((field) => field.field);
  }

  /** Creates the program in the current sandbox process (again, after a crash). */
  async ensureCreated() {
    for (let attempt = 0; ; attempt++) {
      try {
        const incarnation = await this.process.start();
        if (this.createdIn === incarnation) return;
        const created = await this.process.request<CreatedProgram>({ kind: "create", program: this.id, fields: this.definition, options: this.options });
        this.compileErrors = created.compileErrors;
        this.createdIn = incarnation;
      } catch (error) {
        if (!(error instanceof SandboxCrashed) || attempt >= 2) throw error;
      }
    }
  }

  run(inputs: readonly MappingInput[], fieldsToRun?: readonly string[], runOptions: RunOptions = {}): Promise<MappedInput[]> {
    if (this.disposed) return Promise.reject(new Error("This mapping program has been disposed"));
    const result = this.queue.then(() => this.runGuarded(inputs, fieldsToRun, runOptions));
    this.queue = result.catch(() => undefined);
    return result;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.createdIn === this.process.incarnation) this.process.notify({ kind: "dispose", program: this.id });
    sandboxPool.release(this.tenantId, this.process);
  }

  /**
   * Runs the inputs; if the sandbox process dies, runs them again one by one with each input
   * announced, so the input it dies on is known: that input fails, the others are run again.
   */
  private async runGuarded(inputs: readonly MappingInput[], fieldsToRun: readonly string[] | undefined, runOptions: RunOptions): Promise<MappedInput[]> {
    if (inputs.length === 0) return [];
    if (this.crashes >= MAX_CRASHES) return inputs.map(() => this.failed(fieldsToRun, GAVE_UP));
    try {
      return await this.send(inputs, fieldsToRun, false, runOptions);
    } catch (error) {
      if (!(error instanceof SandboxCrashed)) throw error;
    }
    let culprit: number;
    try {
      // It may not die again (another program's input took the process down): then these are the results.
      return await this.send(inputs, fieldsToRun, true, runOptions);
    } catch (error) {
      if (!(error instanceof SandboxCrashed)) throw error;
      culprit = error.lastTraced ?? 0;
    }
    this.crashes++;
    const before = await this.runGuarded(inputs.slice(0, culprit), fieldsToRun, runOptions);
    const culpritResult = await this.fieldByField(inputs[culprit]!, fieldsToRun, runOptions);
    const after = await this.runGuarded(inputs.slice(culprit + 1), fieldsToRun, runOptions);
    return [...before, culpritResult, ...after];
  }

  /** The input that brought the process down, one field at a time: only the field that does it fails. */
  private async fieldByField(input: MappingInput, fieldsToRun: readonly string[] | undefined, runOptions: RunOptions): Promise<MappedInput> {
    const result = this.failed(fieldsToRun, CRASHED);
    const fields = (fieldsToRun ?? this.fields).filter((field) => !this.compileErrors[field]);
    if (fields.length < 2 || this.crashes >= MAX_CRASHES) return result;
    for (const field of fields) {
      try {
        const [single] = await this.send([input], [field], false, runOptions);
        result[field] = single![field]!;
      } catch (error) {
        if (!(error instanceof SandboxCrashed)) throw error;
      }
    }
    return result;
  }

  private async send(inputs: readonly MappingInput[], fieldsToRun: readonly string[] | undefined, trace: boolean, runOptions: RunOptions) {
    await this.ensureCreated();
    return this.process.request<MappedInput[]>({ kind: "run", program: this.id, inputs, ...(fieldsToRun ? { fieldsToRun } : {}), trace, runOptions });
  }

  private failed(fieldsToRun: readonly string[] | undefined, result: FieldResult): MappedInput {
    const failed: MappedInput = {};
    for (const field of fieldsToRun ?? this.fields) {
      const compileError = this.compileErrors[field];
      failed[field] = compileError ? { ok: false, kind: "syntax", ...compileError } : result;
    }
    return failed;
  }
}
