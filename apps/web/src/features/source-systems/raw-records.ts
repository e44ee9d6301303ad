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
