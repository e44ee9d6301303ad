import type { CompileError } from "./mapping-isolate.ts";
import type { MappedInput, MappingField, MappingInput, MappingProgramOptions } from "./mapping-program.ts";

/** What the parent asks the sandbox process (mapping-host.ts). */
export type HostRequest =
  | { kind: "create"; id: number; program: number; fields: MappingField[]; options: MappingProgramOptions }
  | { kind: "run"; id: number; program: number; inputs: readonly MappingInput[]; fieldsToRun?: readonly string[]; trace: boolean }
  | { kind: "dispose"; program: number };

/** Its answers; id 0 announces that the process is ready. */
export type HostReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

export type CreatedProgram = { compileErrors: Record<string, CompileError> };
export type RunResults = MappedInput[];

/** The sandbox process's file descriptor for trace marks ("<request id>:<input index>\n"). */
export const TRACE_FD = 4;
