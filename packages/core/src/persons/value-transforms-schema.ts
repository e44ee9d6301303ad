import { z } from "zod";
import { parsePath } from "./object-path.ts";

/*
 * Built-in value transforms: what common HR exports need (day-first dates, Excel serials, decimal
 * commas, codes, joined ids) without a script. A field rule may carry an ordered list of them;
 * anything else stays a complex JavaScript rule.
 */

export const MAX_TRANSFORMS = 10;
export const MAX_LOOKUP_ENTRIES = 1_000;
export const MAX_TEMPLATE_LENGTH = 500;
const MAX_LOOKUP_KEY = 200;
const MAX_LOOKUP_VALUE = 1_000;

/**
 * Date formats an administrator can pick. Day-first and month-first formats accept "-", "/" or
 * "." between the parts; every format accepts an optional time ("HH:mm" or "HH:mm:ss").
 */
export const DATE_FORMATS = ["d-m-yyyy", "dd-mm-yyyy", "m-d-yyyy", "mm-dd-yyyy", "yyyymmdd", "yyyy-mm-dd", "excel-serial"] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];
export const DAY_FIRST_FORMATS: readonly DateFormat[] = ["d-m-yyyy", "dd-mm-yyyy"];
export const MONTH_FIRST_FORMATS: readonly DateFormat[] = ["m-d-yyyy", "mm-dd-yyyy"];

const strict = (what: string, allowed: string) => ({
  error: (issue: { code?: string; keys?: string[] }) =>
    issue.code === "unrecognized_keys" ? `unknown property ${(issue.keys ?? []).map((key) => JSON.stringify(key)).join(", ")}; ${what} has ${allowed}` : undefined,
});

const TrimTransformSchema = z.strictObject({ type: z.literal("trim") }, strict("a trim transform", '"type" only'));

const CaseTransformSchema = z.strictObject(
  { type: z.literal("case"), to: z.enum(["upper", "lower", "title"], { error: 'to must be "upper", "lower" or "title"' }) },
  strict("a case transform", '"type" and "to"'),
);

const DateTransformSchema = z.strictObject(
  {
    type: z.literal("date"),
    format: z.enum(DATE_FORMATS, { error: `format must be one of ${DATE_FORMATS.join(", ")}` }),
    /** "date" keeps the day only (YYYY-MM-DD); "date-time" keeps the time too (YYYY-MM-DDTHH:mm:ss). */
    output: z.enum(["date", "date-time"], { error: 'output must be "date" or "date-time"' }).default("date"),
  },
  strict("a date transform", '"type", "format" and "output"'),
);

const DecimalCommaTransformSchema = z.strictObject({ type: z.literal("decimal-comma") }, strict("a decimal-comma transform", '"type" only'));

/*
 * Entries are pairs in a list, never an object keyed by source values: a value like "__proto__"
 * is an ordinary code here, and the order shown in the editor is kept.
 */
const LookupTransformSchema = z
  .strictObject(
    {
      type: z.literal("lookup"),
      entries: z
        .array(
          z.tuple([
            z.string().max(MAX_LOOKUP_KEY, { error: `a lookup code is at most ${MAX_LOOKUP_KEY} characters` }),
            z.string().max(MAX_LOOKUP_VALUE, { error: `a lookup value is at most ${MAX_LOOKUP_VALUE} characters` }).nullable(),
          ]),
          { error: 'entries must be a list of [code, value] pairs, like [["M", "Male"], ["V", "Female"]]' },
        )
        .min(1, { error: "the lookup table is empty; add at least one code and its value" })
        .max(MAX_LOOKUP_ENTRIES, { error: `a lookup table holds at most ${MAX_LOOKUP_ENTRIES} entries` }),
      /** What a value not in the table becomes: kept as it is, the default, or the person is blocked. */
      unknown: z.enum(["keep", "default", "block"], { error: 'unknown must be "keep", "default" or "block"' }).default("block"),
      default: z.string().max(MAX_LOOKUP_VALUE).nullable().optional(),
      ignoreCase: z.boolean().optional(),
    },
    strict("a lookup transform", '"type", "entries", "unknown", "default" and "ignoreCase"'),
  )
  .superRefine((lookup, context) => {
    const seen = new Set<string>();
    for (const [index, [code]] of lookup.entries.entries()) {
      const key = lookup.ignoreCase ? code.trim().toLowerCase() : code.trim();
      if (seen.has(key)) context.addIssue({ code: "custom", path: ["entries", index], message: `the code ${JSON.stringify(code)} occurs twice in the lookup table` });
      seen.add(key);
    }
    if (lookup.unknown === "default" && lookup.default === undefined) {
      context.addIssue({ code: "custom", path: ["default"], message: 'unknown is "default" but no default value is given' });
    }
  });

/** "{Personeelsnummer}-{Dienstverbandnummer}": placeholders are source field paths. */
const PLACEHOLDER = /\{([^{}]*)\}/g;

/** The source field paths a template reads, in order of appearance. */
export function templatePlaceholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1] as string);
}

const TemplateTransformSchema = z.strictObject(
  {
    type: z.literal("template"),
    template: z
      .string()
      .min(1, { error: "the template is empty; write it like {Personeelsnummer}-{Dienstverbandnummer}" })
      .max(MAX_TEMPLATE_LENGTH, { error: `a template is at most ${MAX_TEMPLATE_LENGTH} characters` })
      .superRefine((template, context) => {
        const placeholders = templatePlaceholders(template);
        if (placeholders.length === 0) context.addIssue({ code: "custom", message: "the template has no {placeholder}; name a source field in braces, like {Personeelsnummer}" });
        for (const name of placeholders) {
          try {
            parsePath(name);
          } catch (error) {
            context.addIssue({ code: "custom", message: `placeholder {${name}}: ${(error as Error).message}` });
          }
        }
        if (/[{}]/.test(template.replace(PLACEHOLDER, ""))) context.addIssue({ code: "custom", message: "the template has an unmatched { or }" });
      }),
    /** A placeholder whose source field is empty: leave it empty, or block the person. */
    missing: z.enum(["empty", "block"], { error: 'missing must be "empty" or "block"' }).default("empty"),
  },
  strict("a template transform", '"type", "template" and "missing"'),
);

export const ValueTransformSchema = z.discriminatedUnion(
  "type",
  [TrimTransformSchema, CaseTransformSchema, DateTransformSchema, DecimalCommaTransformSchema, LookupTransformSchema, TemplateTransformSchema],
  { error: 'a transform type must be "trim", "case", "date", "decimal-comma", "lookup" or "template"' },
);
export type ValueTransform = z.output<typeof ValueTransformSchema>;
export type ValueTransformInput = z.input<typeof ValueTransformSchema>;

export const ValueTransformsSchema = z
  .array(ValueTransformSchema, { error: "transforms must be a list" })
  .max(MAX_TRANSFORMS, { error: `a field has at most ${MAX_TRANSFORMS} transforms` })
  .optional();
