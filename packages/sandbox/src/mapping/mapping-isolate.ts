import ivm from "isolated-vm";
import { describeCompileError } from "../sandbox-error.ts";
import { fieldFilename, lockdownSource, mappingHarnessSource, wrapField } from "./mapping-harness-source.ts";

/** Setting up never runs administrator code, so these only guard against pathological input. */
const SETUP_TIMEOUT_MS = 5_000;

export interface CompileError {
  message: string;
  line?: number;
}

/** "expression": one expression whose value is the result; "body": a function body that must `return`. */
export type ScriptForm = "expression" | "body";

export interface BatchProgress {
  /** Encoded results of the calls the interrupted batch finished, as a JSON array. */
  completed: string;
  batchStartedAt: number;
  callStartedAt: number;
}

/**
 * One isolate with every field's script compiled once as a function, and the harness that runs a
 * whole batch of persons per crossing. Owned by one MappingProgram, which replaces it when the
 * memory limit disposes it.
 */
export class MappingIsolate {
  private constructor(
    private readonly isolate: ivm.Isolate,
    private readonly runBatchFunction: ivm.Reference,
    private readonly progressFunction: ivm.Reference,
  ) {}

  /**
   * Compiles every script whose index is not in `skip`. Compile errors are returned, not thrown:
   * one broken field must not stop the others.
   */
  static async create(
    scripts: readonly string[],
    memoryLimitMb: number,
    skip: ReadonlySet<number> = new Set(),
  ): Promise<{
    mappingIsolate: MappingIsolate;
    compileErrors: Map<number, CompileError>;
    forms: Map<number, ScriptForm>;
  }> {
    const isolate = new ivm.Isolate({ memoryLimit: memoryLimitMb });
    try {
      const context = await isolate.createContext();
      const harness = await context.evalClosure(mappingHarnessSource, [], {
        result: { reference: true },
        timeout: SETUP_TIMEOUT_MS,
      });
      const harnessFunction = (name: string) => harness.get(name, { reference: true });
      const [detectForm, register, runBatch, progress] = await Promise.all(
        ["detectForm", "register", "runBatch", "progress"].map(harnessFunction),
      );
      await context.evalClosure(lockdownSource, [], { timeout: SETUP_TIMEOUT_MS });

      const compileErrors = new Map<number, CompileError>();
      const forms = new Map<number, ScriptForm>();
      for (const [index, script] of scripts.entries()) {
        if (skip.has(index)) continue;
        const compiled = await compileField(isolate, context, detectForm!, register!, index, script);
        if ("error" in compiled) compileErrors.set(index, compiled.error);
        else forms.set(index, compiled.form);
      }
      detectForm!.release();
      register!.release();
      harness.release();
      return { mappingIsolate: new MappingIsolate(isolate, runBatch!, progress!), compileErrors, forms };
    } catch (error) {
      if (!isolate.isDisposed) isolate.dispose();
      throw error;
    }
  }

  get isDisposed(): boolean {
    return this.isolate.isDisposed;
  }

  /** Resolves with the encoded results (a JSON array); rejects on timeout or disposal. */
  runBatch(
    inputsText: string,
    fieldIndexes: readonly number[],
    firstCall: number,
    skippedFields: readonly number[],
    timeoutMs: number,
  ): Promise<string> {
    return this.runBatchFunction.apply(undefined, [inputsText, fieldIndexes, firstCall, skippedFields], {
      arguments: { copy: true },
      result: { copy: true },
      timeout: timeoutMs,
    }) as Promise<string>;
  }

  async progress(): Promise<BatchProgress> {
    const text = (await this.progressFunction.apply(undefined, [], {
      result: { copy: true },
      timeout: SETUP_TIMEOUT_MS,
    })) as string;
    return JSON.parse(text) as BatchProgress;
  }

  dispose(): void {
    if (!this.isolate.isDisposed) this.isolate.dispose();
  }
}

async function compileField(
  isolate: ivm.Isolate,
  context: ivm.Context,
  detectForm: ivm.Reference,
  register: ivm.Reference,
  index: number,
  script: string,
): Promise<{ form: ScriptForm } | { error: CompileError }> {
  const form = (await detectForm.apply(undefined, [script], {
    arguments: { copy: true },
    result: { copy: true },
    timeout: SETUP_TIMEOUT_MS,
  })) as ScriptForm | null;
  const filename = fieldFilename(index);
  let compiled: ivm.Script;
  try {
    compiled = await isolate.compileScript(wrapField(script, form ?? "body"), { filename, lineOffset: -1 });
  } catch (error) {
    return { error: describeCompileError(error, filename, script) };
  }
  if (form === null) {
    // Parses inside the wrapper but not on its own: it closes the wrapper's brace.
    compiled.release();
    return { error: { message: "SyntaxError: Unexpected '}': the script closes a block it never opened" } };
  }
  const fieldFunction = (await compiled.run(context, {
    reference: true,
    release: true,
    timeout: SETUP_TIMEOUT_MS,
  })) as ivm.Reference;
  await register.apply(undefined, [index, fieldFunction.derefInto({ release: true })], {
    timeout: SETUP_TIMEOUT_MS,
  });
  return { form };
}
