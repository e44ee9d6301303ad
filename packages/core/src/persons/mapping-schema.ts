import { closest, distance } from "fastest-levenshtein";
import { z } from "zod";
import { parsePath } from "./object-path.ts";
import { ValueTransformsSchema } from "./value-transforms-schema.ts";
import {
  isMappableContractFieldPath,
  isMappablePersonFieldPath,
  MAPPABLE_CONTRACT_FIELD_PATHS,
  MAPPABLE_PERSON_FIELD_PATHS,
} from "./person-model.ts";

/** zod says "Unrecognized key"; say instead which properties are allowed, so a typo is obvious. */
function unknownProperties(what: string, allowed: string) {
  return (issue: { code?: string; keys?: string[] }) => {
    if (issue.code !== "unrecognized_keys") return undefined;
    const keys = issue.keys ?? [];
    const names = keys.map((key) => JSON.stringify(key)).join(", ");
    return `unknown ${keys.length === 1 ? "property" : "properties"} ${names}; ${what} has ${allowed}`;
  };
}

const onlyProperties = (allowed: string) => ({
  error: unknownProperties("a field mapping of this type", allowed),
});

const required = z.boolean().optional();

export const FixedFieldMappingSchema = z.strictObject(
  {
    type: z.literal("fixed"),
    value: z.union([z.string(), z.number(), z.boolean(), z.null()], {
      error: "value must be text, a number, true, false or null",
    }),
    required,
    transforms: ValueTransformsSchema,
  },
  onlyProperties('"type", "value", "required" and "transforms"'),
);

export const SourceFieldMappingSchema = z.strictObject(
  {
    type: z.literal("field"),
    path: z
      .string()
      .min(1, { error: "path is empty; name the source field to copy, like Contact.Email" })
      .superRefine((path, context) => {
        try {
          parsePath(path);
        } catch (error) {
          context.addIssue({ code: "custom", message: (error as Error).message });
        }
      }),
    required,
    /** Applied in order to the copied value: date formats, decimal commas, lookups, templates. */
    transforms: ValueTransformsSchema,
  },
  onlyProperties('"type", "path", "required" and "transforms"'),
);

export const ComplexFieldMappingSchema = z.strictObject(
  {
    type: z.literal("complex"),
    script: z.string().refine((script) => script.trim().length > 0, { error: "script is empty" }),
    required,
  },
  onlyProperties('"type", "script" and "required"'),
);

export const FieldMappingSchema = z.discriminatedUnion(
  "type",
  [FixedFieldMappingSchema, SourceFieldMappingSchema, ComplexFieldMappingSchema],
  { error: 'type must be "fixed", "field" or "complex"' },
);
export type FieldMapping = z.output<typeof FieldMappingSchema>;

interface Tab {
  name: "person" | "contract";
  isMappable: (path: string) => boolean;
  known: readonly string[];
}

const personTab: Tab = {
  name: "person",
  isMappable: isMappablePersonFieldPath,
  known: MAPPABLE_PERSON_FIELD_PATHS,
};
const contractTab: Tab = {
  name: "contract",
  isMappable: isMappableContractFieldPath,
  known: MAPPABLE_CONTRACT_FIELD_PATHS,
};

/** A hint that turns "not a field" into what to write instead. */
function suggestion(path: string, tab: Tab, otherTab: Tab): string {
  if (otherTab.isMappable(path)) return `; it belongs on the ${otherTab.name} tab`;
  const best = closest(path, tab.known as string[]);
  // Only suggest what is plausibly a typo; a far-off guess is more confusing than none.
  if (best && distance(path.toLowerCase(), best.toLowerCase()) <= 3) return `; did you mean "${best}"?`;
  const withPrefix = tab.known.find((candidate) => candidate.endsWith(`.${path}`));
  if (withPrefix) return `; did you mean "${withPrefix}"?`;
  if (path.startsWith("Custom")) {
    return "; custom fields are named Custom.<name>: a letter, then letters, digits or _";
  }
  return "";
}

function fieldsOf(tab: Tab, otherTab: Tab) {
  const key = z.string().superRefine((path, context) => {
    if (tab.isMappable(path)) return;
    const message = `"${path}" is not a ${tab.name} field${suggestion(path, tab, otherTab)}`;
    context.addIssue({ code: "custom", message });
  });
  const example = '{ "ExternalId": { "type": "field", "path": "Id" } }';
  return z.record(key, FieldMappingSchema, {
    error: (issue) => {
      // zod reports a bad key as "Invalid key in record"; pass on the message that says why.
      if (issue.code === "invalid_key") {
        return (issue as { issues?: { message: string }[] }).issues?.[0]?.message;
      }
      if (issue.code === "invalid_type") {
        const missing = issue.input === undefined ? "missing; " : "";
        return `${missing}expected an object of ${tab.name} field mappings, like ${example}`;
      }
      return undefined;
    },
  });
}

/**
 * A mapping of one source system: per target field on the Person tab and the Contract tab, how
 * its value is made. Keys are person-model paths ("Name.GivenName", "Details.Fte", "Custom.X").
 */
export const MappingDefinitionSchema = z
  .strictObject(
    {
      person: fieldsOf(personTab, contractTab),
      contract: fieldsOf(contractTab, personTab).default({}),
    },
    { error: unknownProperties("a mapping", '"person" and "contract"') },
  )
  .superRefine((definition, context) => {
    // Without ExternalIds nothing can be matched between imports, so every person would block.
    if (!definition.person.ExternalId) {
      context.addIssue({
        code: "custom",
        path: ["person"],
        message: "ExternalId is not mapped; map it to the source field that identifies a person",
      });
    }
    if (Object.keys(definition.contract).length > 0 && !definition.contract.ExternalId) {
      context.addIssue({
        code: "custom",
        path: ["contract"],
        message: "ExternalId is not mapped; map it to the source field that identifies a contract",
      });
    }
  });
export type MappingDefinition = z.output<typeof MappingDefinitionSchema>;
export type MappingDefinitionInput = z.input<typeof MappingDefinitionSchema>;
