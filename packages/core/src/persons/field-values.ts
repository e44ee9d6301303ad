import { isIsoDate } from "./iso-date.ts";
import { NAME_CONVENTIONS, type FieldKind } from "./person-model.ts";

export type FieldValueResult = { ok: true; value: unknown } | { ok: false; message: string };

function describe(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value instanceof Date) return "a Date object";
  if (typeof value === "object" && value !== null) return "an object";
  if (typeof value === "number") return String(value);
  return JSON.stringify(value) ?? String(value);
}

const fail = (expected: string, value: unknown, hint = ""): FieldValueResult => ({
  ok: false,
  message: `expected ${expected}, got ${describe(value)}${hint}`,
});

const BOOLEAN_WORDS: Record<string, boolean> = {
  true: true,
  false: false,
  yes: true,
  no: false,
  ja: true,
  nee: false,
  "1": true,
  "0": false,
};

// A local date-time without a zone names a day unambiguously; one with a zone does not.
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

function toText(value: unknown): FieldValueResult {
  if (typeof value === "string") return { ok: true, value: value.trim() || null };
  if (typeof value === "number" && Number.isFinite(value)) return { ok: true, value: String(value) };
  if (typeof value === "boolean") return { ok: true, value: String(value) };
  return fail("text", value);
}

function toNumber(value: unknown): FieldValueResult {
  if (typeof value === "number") {
    return Number.isFinite(value) ? { ok: true, value } : fail("a number", value);
  }
  if (typeof value !== "string") return fail("a number", value);
  const trimmed = value.trim();
  if (trimmed === "") return { ok: true, value: null };
  // Dutch sources write "0,8" for an FTE; a comma is read as the decimal mark when there is no dot.
  const normalised = /^-?\d+,\d+$/.test(trimmed) ? trimmed.replace(",", ".") : trimmed;
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(normalised)) return fail("a number", value);
  return { ok: true, value: Number(normalised) };
}

function toBoolean(value: unknown): FieldValueResult {
  if (typeof value === "boolean") return { ok: true, value };
  if (value === 1 || value === 0) return { ok: true, value: value === 1 };
  if (typeof value !== "string") return fail("true or false", value);
  const word = value.trim().toLowerCase();
  if (word === "") return { ok: true, value: null };
  const parsed = BOOLEAN_WORDS[word];
  return parsed === undefined ? fail("true or false", value) : { ok: true, value: parsed };
}

function toDate(value: unknown): FieldValueResult {
  const hint = "; return the date as a YYYY-MM-DD string, with a complex mapping if needed";
  if (typeof value !== "string") return fail("a date as YYYY-MM-DD", value, hint);
  const trimmed = value.trim();
  if (trimmed === "") return { ok: true, value: null };
  const day = LOCAL_DATE_TIME.exec(trimmed)?.[1] ?? trimmed;
  return isIsoDate(day) ? { ok: true, value: day } : fail("a date as YYYY-MM-DD", value, hint);
}

function toConvention(value: unknown): FieldValueResult {
  if (typeof value !== "string") return fail(`one of ${NAME_CONVENTIONS.join(", ")}`, value);
  const code = value.trim().toUpperCase();
  if (code === "") return { ok: true, value: null };
  return (NAME_CONVENTIONS as readonly string[]).includes(code)
    ? { ok: true, value: code }
    : fail(`one of ${NAME_CONVENTIONS.join(", ")}`, value);
}

function toCustom(value: unknown): FieldValueResult {
  if (typeof value === "string") return { ok: true, value: value.trim() || null };
  if (typeof value === "boolean") return { ok: true, value };
  if (typeof value === "number" && Number.isFinite(value)) return { ok: true, value };
  return fail("text, a number, true or false", value);
}

/**
 * Turns a mapped value into what the person model stores, or says why it cannot.
 * Sources are loose (CSV delivers only text, JSON delivers numbers for ids), so values are
 * converted where the meaning is unambiguous. Text is trimmed, and empty text is "no value"
 * (null): a CSV column left empty means the source has nothing, not a name of zero letters.
 */
export function toFieldValue(kind: FieldKind | "custom", value: unknown): FieldValueResult {
  if (value === undefined || value === null) return { ok: true, value: null };
  switch (kind) {
    case "text":
      return toText(value);
    case "number":
      return toNumber(value);
    case "boolean":
      return toBoolean(value);
    case "date":
      return toDate(value);
    case "convention":
      return toConvention(value);
    case "custom":
      return toCustom(value);
  }
}
