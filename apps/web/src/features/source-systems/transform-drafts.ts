import { DATE_FORMATS, MAX_LOOKUP_ENTRIES, type DateFormat, type ValueTransformInput } from "../../lib/idlife-core.ts";

/*
 * A field rule's transforms as the row editor holds them: every option of every kind kept, so
 * switching a transform's kind and back does not lose what was typed, and the lookup table as the
 * text the administrator edits ("M = Male" per line) until it is saved.
 */

export type TransformType = ValueTransformInput["type"];

export interface TransformDraft {
  key: string;
  type: TransformType;
  to: "upper" | "lower" | "title";
  format: DateFormat;
  output: "date" | "date-time";
  entriesText: string;
  unknown: "keep" | "default" | "block";
  defaultValue: string;
  template: string;
  missing: "empty" | "block";
}

export const transformLabels: Record<TransformType, string> = {
  date: "Date format",
  "decimal-comma": "Decimal comma",
  trim: "Trim spaces",
  case: "Change case",
  lookup: "Lookup table",
  template: "Template",
};

export const dateFormatLabels: Record<DateFormat, string> = {
  "d-m-yyyy": "d-m-yyyy (31-12-2024, 1/2/2024, 1.2.2024)",
  "dd-mm-yyyy": "dd-mm-yyyy (01-02-2024)",
  "m-d-yyyy": "m-d-yyyy (12/31/2024, month first)",
  "mm-dd-yyyy": "mm-dd-yyyy (02/01/2024, month first)",
  yyyymmdd: "yyyymmdd (20241231)",
  "yyyy-mm-dd": "yyyy-mm-dd (ISO)",
  "excel-serial": "Excel serial number (45000)",
};
export { DATE_FORMATS };

let nextKey = 0;

export function newTransformDraft(type: TransformType = "date"): TransformDraft {
  nextKey += 1;
  return { key: `transform-${nextKey}`, type, to: "upper", format: "d-m-yyyy", output: "date", entriesText: "", unknown: "block", defaultValue: "", template: "", missing: "empty" };
}

/** Stored transforms (as the API returns them) into drafts; anything unreadable is left at its default. */
export function transformsToDrafts(transforms: readonly unknown[] | undefined): TransformDraft[] {
  return (transforms ?? []).map((stored) => {
    const transform = stored as Partial<Record<string, unknown>> & { type: TransformType };
    const draft = newTransformDraft(transform.type);
    if (transform.type === "case") draft.to = transform.to as TransformDraft["to"];
    if (transform.type === "date") Object.assign(draft, { format: transform.format, output: transform.output ?? "date" });
    if (transform.type === "lookup") {
      const entries = Array.isArray(transform.entries) ? (transform.entries as [string, string | null][]) : [];
      draft.entriesText = entries.map(([code, value]) => `${code} = ${value ?? ""}`).join("\n");
      draft.unknown = (transform.unknown as TransformDraft["unknown"]) ?? "block";
      draft.defaultValue = typeof transform.default === "string" ? transform.default : "";
    }
    if (transform.type === "template") Object.assign(draft, { template: transform.template, missing: transform.missing ?? "empty" });
    return draft;
  });
}

/** "M = Male" per line into [code, value] pairs; a line without "=" is a problem to show. */
export function parseLookupText(text: string): { ok: true; entries: [string, string][] } | { ok: false; message: string } {
  const entries: [string, string][] = [];
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  for (const [index, line] of lines.entries()) {
    const separator = line.indexOf("=");
    if (separator < 0) return { ok: false, message: `Lookup line ${index + 1} (“${line.trim()}”) has no “=”; write it as code = value` };
    entries.push([line.slice(0, separator).trim(), line.slice(separator + 1).trim()]);
  }
  if (entries.length === 0) return { ok: false, message: "The lookup table is empty; add a line like M = Male" };
  if (entries.length > MAX_LOOKUP_ENTRIES) return { ok: false, message: `A lookup table holds at most ${MAX_LOOKUP_ENTRIES} lines` };
  return { ok: true, entries };
}

/** Drafts into what the API stores, or the first problem to show on the row. */
export function draftsToTransforms(drafts: readonly TransformDraft[]): { ok: true; transforms: ValueTransformInput[] } | { ok: false; message: string } {
  const transforms: ValueTransformInput[] = [];
  for (const draft of drafts) {
    if (draft.type === "case") transforms.push({ type: "case", to: draft.to });
    else if (draft.type === "date") transforms.push({ type: "date", format: draft.format, output: draft.output });
    else if (draft.type === "trim" || draft.type === "decimal-comma") transforms.push({ type: draft.type });
    else if (draft.type === "template") {
      if (!draft.template.trim()) return { ok: false, message: "Write the template, like {Personeelsnummer}-{Dienstverbandnummer}" };
      transforms.push({ type: "template", template: draft.template, missing: draft.missing });
    } else {
      const parsed = parseLookupText(draft.entriesText);
      if (!parsed.ok) return parsed;
      transforms.push({ type: "lookup", entries: parsed.entries, unknown: draft.unknown, ...(draft.unknown === "default" ? { default: draft.defaultValue } : {}) });
    }
  }
  return { ok: true, transforms };
}
