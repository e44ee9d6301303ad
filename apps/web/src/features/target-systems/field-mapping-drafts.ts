import type { TargetFieldMapping } from "@idlife/contracts";

export const accountActions = ["create", "update", "enable", "disable", "delete"] as const;
export type AccountActionName = (typeof accountActions)[number];
export type MappingKind = TargetFieldMapping["kind"];

/** One row of the field mapping editor, every input as typed. */
export interface FieldMappingDraft {
  key: string;
  attribute: string;
  actions: AccountActionName[];
  kind: MappingKind;
  /** fixed: the value; field: the person field path; complex: the script. */
  text: string;
  unique: boolean;
  store: boolean;
  notify: boolean;
}

let counter = 0;
const nextKey = () => `row-${++counter}`;

export function emptyDraft(attribute = ""): FieldMappingDraft {
  return { key: nextKey(), attribute, actions: ["create", "update"], kind: "field", text: "", unique: false, store: true, notify: false };
}

export function toDrafts(mapping: readonly TargetFieldMapping[]): FieldMappingDraft[] {
  return mapping.map((entry) => ({
    key: nextKey(),
    attribute: entry.attribute,
    actions: [...entry.actions],
    kind: entry.kind,
    text: entry.kind === "fixed" ? (Array.isArray(entry.value) ? entry.value.join("\n") : String(entry.value ?? "")) : entry.kind === "field" ? (entry.field ?? "") : (entry.script ?? ""),
    unique: entry.unique !== undefined,
    store: entry.store,
    notify: entry.notify,
  }));
}

/** The rows as the API takes them, or the first problem a person can fix, naming the row. */
export function fromDrafts(drafts: readonly FieldMappingDraft[]): { mapping: TargetFieldMapping[] } | { problem: string } {
  const mapping: TargetFieldMapping[] = [];
  for (const [index, draft] of drafts.entries()) {
    const attribute = draft.attribute.trim();
    const where = `Row ${index + 1}${attribute ? ` (${attribute})` : ""}`;
    if (!attribute) return { problem: `${where}: name the target attribute.` };
    if (draft.actions.length === 0) return { problem: `${where}: tick at least one action.` };
    if (draft.kind === "field" && !draft.text.trim()) return { problem: `${where}: choose the person field.` };
    if (draft.kind === "complex" && !draft.text.trim()) return { problem: `${where}: write the script.` };
    const part =
      draft.kind === "fixed" ? { value: draft.text } : draft.kind === "field" ? { field: draft.text.trim() } : draft.kind === "complex" ? { script: draft.text } : {};
    mapping.push({ attribute, actions: draft.actions, kind: draft.kind, ...part, ...(draft.unique ? { unique: { maxFallbacks: 9 } } : {}), store: draft.store, notify: draft.notify });
  }
  return { mapping };
}
