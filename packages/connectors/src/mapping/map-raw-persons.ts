import { createHash } from "node:crypto";
import { MappingDefinitionSchema, applyMapping, canonicalJson, type ComplexResult, type MappingDefinition, type Person } from "@idlife/core";
import { createMappingProgram, type MappedInput, type MappingProgram } from "@idlife/sandbox";
/** A raw record with the key it is known by in its source (the person key, the department key). */
export interface KeyedRecord {
  sourceKey: string;
  record: Record<string, unknown>;
}

export interface MappedRecord {
  sourceKey: string;
  mapped?: Person;
  reasons?: string[];
}

const CHUNK = 5_000;

/** The person and contract tabs of a stored mapping, validated (the department tab is separate). */
export function parseMapping(mapping: unknown): MappingDefinition {
  const { department: _department, ...tabs } = (mapping ?? {}) as Record<string, unknown>;
  const parsed = MappingDefinitionSchema.safeParse(tabs);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "mapping"}: ${issue.message}`).join("; ");
    throw new Error(`The mapping of this source system is invalid: ${problems}`);
  }
  return parsed.data;
}

function complexFields(tab: Record<string, { type: string; script?: string }>) {
  return Object.entries(tab)
    .filter(([, rule]) => rule.type === "complex")
    .map(([field, rule]) => ({ field, script: rule.script! }));
}

/** Raise when mapping semantics change, so every stored mapped value is computed again. */
const MAPPING_ENGINE_VERSION = 1;

/** Scripts whose result may differ from one day to the next for the same record. */
const CLOCK_OR_CHANCE = /\bDate\b|\bMath\s*\.\s*random\b|\bTemporal\b/;

/**
 * Identifies what a mapped value was computed with. A record whose raw data and mapping
 * fingerprint are both unchanged maps to the same person, so an import need not map it again.
 * Complex scripts that read the clock (or chance) are only trusted for the day: their
 * fingerprint includes today's date, so the first import of a new day maps everything again.
 */
export function mappingFingerprint(mapping: unknown, today: string): string {
  const { department: _department, ...tabs } = (mapping ?? {}) as Record<string, unknown>;
  const scripts = Object.values(tabs).flatMap((tab) => Object.values((tab ?? {}) as Record<string, { script?: unknown }>).map((rule) => (typeof rule?.script === "string" ? rule.script : "")));
  const dayBound = scripts.some((script) => CLOCK_OR_CHANCE.test(script));
  return createHash("sha256")
    .update(`${MAPPING_ENGINE_VERSION}\n${dayBound ? today : ""}\n${canonicalJson(tabs)}`)
    .digest("base64url");
}

function toComplexResult(result: MappedInput[string] | undefined): ComplexResult {
  if (!result) return { ok: false, message: "the script was not run" };
  if (result.ok) return { ok: true, value: result.value };
  // The sandbox's messages explain themselves ("The script ran longer than ..."); core adds the line.
  return { ok: false, message: result.message, ...(result.line ? { line: result.line } : {}) };
}

export interface MapRawPersonsOptions {
  /** Whose records these are: scripts run in that tenant's own sandbox process. */
  tenantId: string;
  /** Time limit of one script for one record. Default 1 s. */
  timeoutMs?: number;
  /** Time limit of all scripts together (an interactive preview); what has not run by then blocks its person. */
  totalTimeoutMs?: number;
}

/**
 * Maps raw persons with the source's mapping. Complex scripts run in the tenant's sandbox process
 * in batches (one crossing per thousand persons, not per field per person); each person's outcome
 * is either the mapped person or the reasons it is blocked.
 */
export async function mapRawPersons(mapping: unknown, persons: readonly KeyedRecord[], onProgress: (done: number) => void, options: MapRawPersonsOptions): Promise<MappedRecord[]> {
  const definition = parseMapping(mapping);
  const personFields = complexFields(definition.person as never);
  const contractFields = complexFields(definition.contract as never);
  const programOptions = { tenantId: options.tenantId, timeoutMs: options.timeoutMs ?? 1_000 };
  const runOptions = options.totalTimeoutMs === undefined ? {} : { deadline: Date.now() + options.totalTimeoutMs };
  const personProgram: MappingProgram | undefined = personFields.length > 0 ? await createMappingProgram(personFields, programOptions) : undefined;
  const contractProgram: MappingProgram | undefined = contractFields.length > 0 ? await createMappingProgram(contractFields, programOptions) : undefined;
  const results: MappedRecord[] = [];
  try {
    for (let start = 0; start < persons.length; start += CHUNK) {
      const chunk = persons.slice(start, start + CHUNK);
      const personResults = new Map<unknown, MappedInput>();
      const contractResults = new Map<unknown, MappedInput>();
      if (personProgram) {
        const outputs = await personProgram.run(chunk.map((entry) => ({ source: entry.record })), undefined, runOptions);
        chunk.forEach((entry, index) => personResults.set(entry.record, outputs[index]!));
      }
      if (contractProgram) {
        const inputs = chunk.flatMap((entry) => {
          const contracts = Array.isArray(entry.record.Contracts) ? (entry.record.Contracts as unknown[]) : [];
          return contracts.map((contract) => ({ source: entry.record, sourceContract: contract }));
        });
        const outputs = await contractProgram.run(inputs, undefined, runOptions);
        inputs.forEach((input, index) => contractResults.set(input.sourceContract, outputs[index]!));
      }
      for (const entry of chunk) {
        const outcome = await applyMapping(definition, entry.record, {
          evaluateComplex: async (fieldPath, _script, context) =>
            context.sourceContract !== undefined
              ? toComplexResult(contractResults.get(context.sourceContract)?.[fieldPath])
              : toComplexResult(personResults.get(context.source)?.[fieldPath]),
        });
        results.push(outcome.status === "mapped" ? { sourceKey: entry.sourceKey, mapped: outcome.person } : { sourceKey: entry.sourceKey, reasons: outcome.reasons });
      }
      onProgress(Math.min(start + CHUNK, persons.length));
    }
  } finally {
    personProgram?.dispose();
    contractProgram?.dispose();
  }
  return results;
}
