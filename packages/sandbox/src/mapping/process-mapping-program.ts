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
} from "./mapping-program.ts";
import { SandboxCrashed, sandboxProcess } from "./sandbox-process.ts";
import type { CreatedProgram } from "./sandbox-protocol.ts";

/** After this many crashes a program stops running its scripts (every later input: not run). */
const MAX_CRASHES = 3;
const CRASHED: FieldResult = {
  ok: false,
  kind: "memory",
  message: "The script stopped its sandbox process: it needed more memory than a sandbox can have",
};
const GAVE_UP: FieldResult = { ok: false, kind: "memory", message: `Not run: the scripts stopped their sandbox process ${MAX_CRASHES} times` };

let nextProgram = 1;

/**
 * Compiles every field's script once, in the sandbox process (see createInProcessMappingProgram
 * for what a script may do). Behaves like the in-process program, and one thing more: a script
 * that takes the whole sandbox process down (a V8 fatal out-of-memory error, which no isolate
 * limit catches) fails only for the input that did it, as kind "memory"; this process and the
 * other inputs carry on.
 */
export async function createMappingProgram(fields: readonly MappingField[], options: MappingProgramOptions = {}): Promise<MappingProgram> {
  const parsedFields = parseOrExplain(fieldsSchema, fields, "mapping fields");
  parseOrExplain(optionsSchema, options, "mapping program options");
  const program = new ProcessMappingProgram(parsedFields, options);
  await program.ensureCreated();
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
  ) {
    this.fields = definition.map((field) => field.field);
  }

  /** Creates the program in the current sandbox process (again, after a crash). */
  async ensureCreated() {
    for (let attempt = 0; this.createdIn !== sandboxProcess.generation || this.createdIn === 0; attempt++) {
      try {
        const created = await sandboxProcess.request<CreatedProgram>({ kind: "create", program: this.id, fields: this.definition, options: this.options });
        this.compileErrors = created.compileErrors;
        this.createdIn = sandboxProcess.generation;
      } catch (error) {
        if (!(error instanceof SandboxCrashed) || attempt >= 2) throw error;
      }
    }
  }

  run(inputs: readonly MappingInput[], fieldsToRun?: readonly string[]): Promise<MappedInput[]> {
    if (this.disposed) return Promise.reject(new Error("This mapping program has been disposed"));
    const result = this.queue.then(() => this.runGuarded(inputs, fieldsToRun));
    this.queue = result.catch(() => undefined);
    return result;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.createdIn === sandboxProcess.generation) sandboxProcess.notify({ kind: "dispose", program: this.id });
  }

  /**
   * Runs the inputs; if the sandbox process dies, runs them again one by one with each input
   * announced, so the input it dies on is known: that input fails, the others are run again.
   */
  private async runGuarded(inputs: readonly MappingInput[], fieldsToRun: readonly string[] | undefined): Promise<MappedInput[]> {
    if (inputs.length === 0) return [];
    if (this.crashes >= MAX_CRASHES) return inputs.map(() => this.failed(fieldsToRun, GAVE_UP));
    try {
      return await this.send(inputs, fieldsToRun, false);
    } catch (error) {
      if (!(error instanceof SandboxCrashed)) throw error;
    }
    let culprit: number;
    try {
      // It may not die again (another program's input took the process down): then these are the results.
      return await this.send(inputs, fieldsToRun, true);
    } catch (error) {
      if (!(error instanceof SandboxCrashed)) throw error;
      culprit = error.lastTraced ?? 0;
    }
    this.crashes++;
    const before = await this.runGuarded(inputs.slice(0, culprit), fieldsToRun);
    const culpritResult = await this.fieldByField(inputs[culprit]!, fieldsToRun);
    const after = await this.runGuarded(inputs.slice(culprit + 1), fieldsToRun);
    return [...before, culpritResult, ...after];
  }

  /** The input that brought the process down, one field at a time: only the field that does it fails. */
  private async fieldByField(input: MappingInput, fieldsToRun: readonly string[] | undefined): Promise<MappedInput> {
    const result = this.failed(fieldsToRun, CRASHED);
    const fields = (fieldsToRun ?? this.fields).filter((field) => !this.compileErrors[field]);
    if (fields.length < 2 || this.crashes >= MAX_CRASHES) return result;
    for (const field of fields) {
      try {
        const [single] = await this.send([input], [field], false);
        result[field] = single![field]!;
      } catch (error) {
        if (!(error instanceof SandboxCrashed)) throw error;
      }
    }
    return result;
  }

  private async send(inputs: readonly MappingInput[], fieldsToRun: readonly string[] | undefined, trace: boolean) {
    await this.ensureCreated();
    return sandboxProcess.request<MappedInput[]>({ kind: "run", program: this.id, inputs, ...(fieldsToRun ? { fieldsToRun } : {}), trace });
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
