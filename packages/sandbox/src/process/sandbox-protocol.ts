import type { CompileError } from "../mapping/mapping-isolate.ts";
import type { MappedInput, MappingField, MappingInput, MappingProgramOptions, RunOptions } from "../mapping/mapping-program.ts";
import type { BridgeOutcome } from "../connector/http-bridge.ts";

/** A script connector run as the sandbox process receives it (secrets only as placeholders). */
export interface ConnectorRun {
  script: string;
  config: unknown;
  /** Secret name to its placeholder; the real values never reach the sandbox process. */
  secrets: Record<string, string>;
  timeoutMs: number;
  memoryLimitMb: number;
  /** A target script's action: the function to call (from a fixed list) and its context; none for a source script's main(). */
  action?: { name: string; context: unknown };
}

/** What the parent asks the sandbox process (sandbox-host.ts). */
export type HostRequest =
  | { kind: "create"; id: number; program: number; fields: MappingField[]; options: MappingProgramOptions }
  | { kind: "run"; id: number; program: number; inputs: readonly MappingInput[]; fieldsToRun?: readonly string[]; trace: boolean; runOptions?: RunOptions }
  | { kind: "connector"; id: number; run: ConnectorRun }
  | { kind: "usage"; id: number }
  | { kind: "dispose"; program: number }
  | { kind: "http-reply"; call: number; outcome: BridgeOutcome };

/** What the sandbox process asks of its parent while it serves request `id`. */
export type HostCall =
  | { kind: "http"; id: number; call: number; method: unknown; url: unknown; options: unknown }
  | { kind: "log"; id: number; message: string }
  | { kind: "progress"; id: number; fetched: number };

/** Its answers; id 0 announces that the process is ready. */
export type HostReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

export type HostMessage = HostReply | HostCall;

export type CreatedProgram = { compileErrors: Record<string, CompileError> };
export type RunResults = MappedInput[];
export type ProcessUsage = { peakRssBytes: number };

/** The sandbox process's file descriptor for trace marks ("<request id>:<input index>\n"). */
export const TRACE_FD = 4;
