import { MappingDefinitionSchema, type MappingDefinition } from "./mapping-schema.ts";
import { describeZodIssues } from "./zod-issues.ts";

/** Marks an exported file as a mapping, so importing a rule set or a form by mistake is caught. */
export const MAPPING_FORMAT = "idlife.mapping";
export const MAPPING_FORMAT_VERSION = 1;

export type ParsedMapping =
  | { ok: true; definition: MappingDefinition }
  | { ok: false; errors: string[] };

/** A mapping as a versioned JSON document (pretty printed, so it diffs well in version control). */
export function mappingToJson(definition: MappingDefinition): string {
  const document = {
    format: MAPPING_FORMAT,
    version: MAPPING_FORMAT_VERSION,
    person: definition.person,
    contract: definition.contract,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Reads a mapping exported by mappingToJson. A hand-written document without the format and
 * version lines is accepted too. Every problem is reported at once, each saying where it is
 * and what to change, so an administrator fixes the file in one pass.
 */
export function parseMappingJson(text: string): ParsedMapping {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`the file is not valid JSON: ${(error as Error).message}`] };
  }
  if (!isRecord(document)) {
    return { ok: false, errors: ['expected a JSON object with "person" and "contract" mappings'] };
  }
  const { format, version, ...definition } = document;
  if (format !== undefined && format !== MAPPING_FORMAT) {
    return {
      ok: false,
      errors: [
        `this file is not a mapping export: its format is ${JSON.stringify(format)}, ` +
          `expected "${MAPPING_FORMAT}"`,
      ],
    };
  }
  if (version !== undefined && version !== MAPPING_FORMAT_VERSION) {
    return {
      ok: false,
      errors: [
        `mapping version ${JSON.stringify(version)} is not supported; ` +
          `this platform reads version ${MAPPING_FORMAT_VERSION}`,
      ],
    };
  }
  const parsed = MappingDefinitionSchema.safeParse(definition);
  if (!parsed.success) return { ok: false, errors: describeZodIssues(parsed.error) };
  return { ok: true, definition: parsed.data };
}
