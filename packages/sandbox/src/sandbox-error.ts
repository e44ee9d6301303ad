/**
 * What went wrong inside the sandbox, in words an administrator can act on. `line` is relative to
 * the administrator's own script (wrapper lines are already subtracted).
 */
export type SandboxErrorKind =
  | "syntax"
  | "runtime"
  | "timeout"
  | "memory"
  | "invalid-result"
  | "cancelled"
  /** The script made V8 abort and took its sandbox process down. */
  | "crashed";

export class SandboxError extends Error {
  override readonly name = "SandboxError";
  readonly kind: SandboxErrorKind;
  readonly line: number | undefined;

  constructor(kind: SandboxErrorKind, message: string, line?: number) {
    // The message carries the line as well: errors travel as text (job logs, import status).
    super(line === undefined ? message : `Line ${line}: ${message}`);
    this.kind = kind;
    this.line = line;
  }
}

export function formatDuration(milliseconds: number): string {
  if (milliseconds < 1000) return `${milliseconds} ms`;
  if (milliseconds < 60_000) return `${Number((milliseconds / 1000).toFixed(1))} s`;
  return `${Number((milliseconds / 60_000).toFixed(1))} min`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
}

export function timeoutMessage(what: string, timeoutMs: number): string {
  return `${what} ran longer than its limit of ${formatDuration(timeoutMs)} and was stopped; look for a loop that never ends or work that grows with the data`;
}

export function memoryMessage(what: string, memoryLimitMb: number): string {
  return `${what} used more than its memory limit of ${memoryLimitMb} MB and was stopped; look for a list or text that keeps growing`;
}

/** isolated-vm's own wording for a run that hit its `timeout` option. */
export function isIsolateTimeout(error: unknown): boolean {
  return error instanceof Error && error.message.includes("Script execution timed out");
}

const UNFINISHED_SCRIPT =
  "SyntaxError: The script ends in the middle of something: a bracket, quote or expression is not finished";

/**
 * Describes a compile error of `script`, compiled under `filename` so that its first line is line
 * 1. An error reported past the script's last line sits in the wrapper's closing code: the script
 * stopped in the middle of something, and the wrapper's "Unexpected token '}'" would only confuse.
 */
export function describeCompileError(
  error: unknown,
  filename: string,
  script: string,
): { message: string; line?: number } {
  const { message, line } = parseCompileError(error, filename);
  if (line === undefined) return { message };
  const lastLine = script.split("\n").length;
  if (line > lastLine) return { message: UNFINISHED_SCRIPT, line: lastLine };
  return { message, line };
}

/**
 * Splits isolated-vm's compile error ("Unexpected token ';' [mapping-field-0.js:2:11]") into the
 * description and the line within the given file.
 */
function parseCompileError(
  error: unknown,
  filename: string,
): { message: string; line: number | undefined } {
  const raw = error instanceof Error ? error.message : String(error);
  const name = error instanceof Error && error.name !== "Error" ? `${error.name}: ` : "";
  const location = /\s*\[([^\]]*):(\d+):(\d+)\]\s*$/.exec(raw);
  if (!location) return { message: `${name}${raw}`, line: undefined };
  const description = raw.slice(0, location.index);
  const line = location[1] === filename ? Number(location[2]) : undefined;
  return { message: `${name}${description}`, line: line !== undefined && line > 0 ? line : undefined };
}
