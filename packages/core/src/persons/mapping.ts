import { displayName } from "./display-name.ts";
import { toFieldValue } from "./field-values.ts";
import type { FieldMapping, MappingDefinition } from "./mapping-schema.ts";
import { getPath, isForbiddenKey, parsePath, type PathSegment } from "./object-path.ts";
import { fieldKind, PersonSchema, type Person } from "./person-model.ts";
import { applyTransforms } from "./value-transforms.ts";
import { describeZodIssues } from "./zod-issues.ts";

export interface ComplexContext {
  /** The raw person exactly as the source delivered it. */
  source: unknown;
  /** On the Contract tab: the raw contract being mapped. */
  sourceContract?: unknown;
}

export type ComplexResult = { ok: true; value: unknown } | { ok: false; message: string; line?: number };

/**
 * Runs one complex mapping script. It lives outside packages/core (the sandbox), so it is handed
 * in. A script error is a result ({ ok: false }); a rejected promise means the sandbox itself
 * failed, and applyMapping lets that rejection through so the import fails and is retried
 * instead of blocking every person for a reason that is not theirs.
 */
export type EvaluateComplex = (
  fieldPath: string,
  script: string,
  context: ComplexContext,
) => Promise<ComplexResult>;

export type MappingResult =
  | { status: "mapped"; person: Person }
  | { status: "blocked"; reasons: string[] };

type Resolved = { ok: true; value: unknown } | { ok: false; message: string };

/*
 * Source paths are parsed once, not once per person: an import maps every person with the same
 * few paths. Keyed by the path text (a pure function of it), so an edited mapping is never stale;
 * bounded so a long-running worker serving many tenants does not grow without end.
 */
const parsedPaths = new Map<string, PathSegment[]>();

function segmentsOf(path: string): PathSegment[] {
  let segments = parsedPaths.get(path);
  if (!segments) {
    if (parsedPaths.size >= 10_000) parsedPaths.clear();
    segments = parsePath(path);
    parsedPaths.set(path, segments);
  }
  return segments;
}

async function evaluate(
  mapping: FieldMapping & { type: "complex" },
  fieldPath: string,
  context: ComplexContext,
  evaluateComplex: EvaluateComplex,
): Promise<Resolved> {
  const result = await evaluateComplex(fieldPath, mapping.script, context);
  if (result.ok) return result;
  const line = result.line !== undefined ? ` (line ${result.line})` : "";
  return { ok: false, message: `${result.message}${line}` };
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === "";
}

interface Problem {
  path: string;
  /** Empty when the field is required and has no value. */
  message: string | null;
}

/** Resolves and converts one tab's fields of one record, collecting every problem. */
async function mapFields(
  tab: "person" | "contract",
  fields: Record<string, FieldMapping>,
  record: unknown,
  context: ComplexContext,
  evaluateComplex: EvaluateComplex,
): Promise<{ values: Map<string, unknown>; problems: Problem[] }> {
  const values = new Map<string, unknown>();
  const problems: Problem[] = [];
  const templateRecords = tab === "contract" ? [record, context.source] : [record];
  // One field after the other: parallelism comes from mapping many persons at once, which keeps
  // the load on the sandbox pool predictable and the order of reasons stable.
  for (const [path, mapping] of Object.entries(fields)) {
    // Only complex fields wait: fixed and copied values need no trip through the event loop.
    const resolved: Resolved =
      mapping.type === "fixed"
        ? applyTransforms(mapping.transforms, mapping.value, templateRecords)
        : mapping.type === "field"
          ? applyTransforms(mapping.transforms, getPath(record, segmentsOf(mapping.path)), templateRecords)
          : await evaluate(mapping, path, context, evaluateComplex);
    if (!resolved.ok) {
      problems.push({ path, message: resolved.message });
      continue;
    }
    const converted = toFieldValue(fieldKind(tab, path) ?? "custom", resolved.value);
    if (!converted.ok) {
      problems.push({ path, message: converted.message });
      continue;
    }
    // ExternalIds are always required: without one the record cannot be told apart.
    if ((mapping.required || path === "ExternalId") && isEmpty(converted.value)) {
      problems.push({ path, message: null });
      continue;
    }
    values.set(path, converted.value);
  }
  return { values, problems };
}

/** `label` places contract fields: "Contracts[C-1]." (or "Contracts[#2]." without an id). */
function describeProblem(label: string, problem: Problem): string {
  return problem.message === null
    ? `required field ${label}${problem.path} is empty`
    : `${label}${problem.path}: ${problem.message}`;
}

/*
 * Builds in place rather than with setPath: the object is new and private to this call, the keys
 * are validated person-model paths (plain dotted names), and this runs for every field of every
 * person of an import.
 */
function build(values: Map<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [path, value] of values) {
    const keys = path.split(".");
    const last = keys.pop() as string;
    let target = result;
    // The schema admits person-model paths only; this keeps a future gap from reaching a prototype.
    if (isForbiddenKey(last) || keys.some(isForbiddenKey)) throw new Error(`cannot map onto ${JSON.stringify(path)}`);
    for (const key of keys) target = (Object.hasOwn(target, key) ? target[key] : (target[key] = {})) as Record<string, unknown>;
    target[last] = value;
  }
  return result;
}

/**
 * Maps one raw person (with its raw contracts in `Contracts`) onto the person model.
 * Each person is mapped on its own, with no shared state, so batches can run in parallel.
 * Everything wrong with the person is reported at once, so one preview shows every problem.
 * - Contract tab `field` paths are read from the raw contract; complex scripts get both the raw
 *   person (`source`) and the raw contract (`sourceContract`).
 * - DisplayName is derived from Name with displayName() unless the mapping fills it; a mapped
 *   DisplayName that is empty for this person also falls back to the derived one.
 * - Contract ExternalIds must be unique within the person.
 */
export async function applyMapping(
  definition: MappingDefinition,
  rawPerson: unknown,
  { evaluateComplex }: { evaluateComplex: EvaluateComplex },
): Promise<MappingResult> {
  const reasons: string[] = [];
  const personContext = { source: rawPerson };
  const mapped = await mapFields("person", definition.person, rawPerson, personContext, evaluateComplex);
  reasons.push(...mapped.problems.map((problem) => describeProblem("", problem)));

  const contractDefinition = definition.contract;
  const mapsContracts = Object.keys(contractDefinition).length > 0;
  const rawContracts = mapsContracts ? getPath(rawPerson, ["Contracts"]) : undefined;
  if (rawContracts !== undefined && rawContracts !== null && !Array.isArray(rawContracts)) {
    reasons.push("Contracts: the source record's Contracts is not a list");
  }
  const contracts: Record<string, unknown>[] = [];
  const contractList: unknown[] = Array.isArray(rawContracts) ? rawContracts : [];
  for (const [index, rawContract] of contractList.entries()) {
    const context = { source: rawPerson, sourceContract: rawContract };
    const contract = await mapFields("contract", contractDefinition, rawContract, context, evaluateComplex);
    const id = contract.values.get("ExternalId");
    const label = `Contracts[${typeof id === "string" ? id : `#${index + 1}`}].`;
    reasons.push(...contract.problems.map((problem) => describeProblem(label, problem)));
    contracts.push(build(contract.values));
  }

  const occurrences = new Map<string, number>();
  for (const contract of contracts) {
    const id = contract.ExternalId;
    if (typeof id === "string") occurrences.set(id, (occurrences.get(id) ?? 0) + 1);
  }
  for (const [id, count] of occurrences) {
    if (count > 1) {
      reasons.push(
        `contract ExternalId ${JSON.stringify(id)} occurs ${count} times; ` +
          "contract ExternalIds must be unique within a person",
      );
    }
  }
  if (reasons.length > 0) return { status: "blocked", reasons };

  const person = build(mapped.values);
  if (isEmpty(person.DisplayName)) {
    person.DisplayName = displayName(person.Name as Person["Name"]) || null;
  }
  person.Contracts = contracts;

  // Values were converted field by field above; this catches anything that slipped through.
  const parsed = PersonSchema.safeParse(person);
  if (!parsed.success) return { status: "blocked", reasons: describeZodIssues(parsed.error) };
  return { status: "mapped", person: parsed.data };
}
