import { z } from "zod";
import { SandboxError } from "../sandbox-error.ts";

export interface ScriptConnectorResult {
  persons: Record<string, unknown>[];
  departments: Record<string, unknown>[];
}

const EXPECTED = "main() must return { persons: [...], departments: [...] }";

const recordSchema = z.looseObject({});
const resultSchema = z.object({
  persons: z.array(z.looseObject({ Contracts: z.array(recordSchema).optional() })),
  departments: z.array(recordSchema),
});

/**
 * Checks what main() returned: persons (each with an optional Contracts list) and departments,
 * all plain objects. `departments` may be left out by sources that have none.
 */
export function validateConnectorResult(returned: { result?: unknown }): ScriptConnectorResult {
  if (!("result" in returned)) throw invalid(`${EXPECTED}; got undefined`);
  const result = returned.result;
  if (typeof result !== "object" || result === null || Array.isArray(result)) {
    throw invalid(`${EXPECTED}; got ${describe(result)}`);
  }
  const candidate = result as Record<string, unknown>;
  if (!Array.isArray(candidate["persons"])) {
    throw invalid(`${EXPECTED}; got ${describe(result)}`);
  }
  const parsed = resultSchema.safeParse({ ...candidate, departments: candidate["departments"] ?? [] });
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.slice(0, 3).map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  const more = parsed.error.issues.length > 3 ? ` (and ${parsed.error.issues.length - 3} more)` : "";
  throw invalid(`main() returned persons or departments that are not lists of objects: ${problems.join("; ")}${more}`);
}

function invalid(message: string): SandboxError {
  return new SandboxError("invalid-result", message);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `a list of ${value.length} items (wrap it: { persons: [...] })`;
  if (typeof value === "object") {
    const keys = Object.keys(value);
    return keys.length === 0 ? "an empty object" : `an object with keys: ${keys.slice(0, 10).join(", ")}`;
  }
  if (typeof value === "string") return `the text "${value.slice(0, 50)}"`;
  return `${typeof value} ${String(value)}`;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((part, index) => (typeof part === "number" ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`)).join("");
}
