/** A few values of a raw record, so a list of records can be told apart without opening each. */
export function recordSummary(data: unknown, maxValues = 3): string {
  if (typeof data !== "object" || data === null) return "";
  const values: string[] = [];
  for (const value of Object.values(data)) {
    if (values.length >= maxValues) break;
    if (typeof value === "string" && value.trim() && value.length <= 60) values.push(value.trim());
    if (typeof value === "number") values.push(String(value));
  }
  return values.join(" · ");
}

/**
 * Column names found in raw records, for suggestions in the mapping editor: the person's own
 * keys, or those of its contracts.
 */
export function sourceFieldNames(records: readonly unknown[], tab: "person" | "contract"): string[] {
  const names = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return;
    for (const [key, inner] of Object.entries(value)) if (!Array.isArray(inner)) names.add(key);
  };
  for (const record of records) {
    if (tab === "person") add(record);
    else if (typeof record === "object" && record !== null && Array.isArray((record as { Contracts?: unknown }).Contracts)) {
      for (const contract of (record as { Contracts: unknown[] }).Contracts) add(contract);
    }
  }
  return [...names].sort((a, b) => a.localeCompare(b));
}
