/** Flattens persons into CSV rows: one row per person, nested fields as dotted columns. */
export function personsToCsv(persons: Array<{ id: string; externalId: string; displayName: string; status: string; excluded: boolean; data: Record<string, unknown> }>): string {
  const rows = persons.map((person) => {
    const { Contracts: _contracts, ...fields } = person.data;
    return { Id: person.id, ExternalId: person.externalId, DisplayName: person.displayName, Status: person.status, Excluded: String(person.excluded), ...flatten(fields) };
  });
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const escape = (value: unknown) => {
    const text = value === undefined || value === null ? "" : String(value);
    // Cells starting with = + - @ are prefixed so spreadsheets do not run them as formulas.
    const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [columns.join(","), ...rows.map((row) => columns.map((column) => escape((row as Record<string, unknown>)[column])).join(","))].join("\r\n") + "\r\n";
}

function flatten(value: Record<string, unknown>, prefix = ""): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (inner && typeof inner === "object" && !Array.isArray(inner)) Object.assign(out, flatten(inner as Record<string, unknown>, path));
    else if (!Array.isArray(inner)) out[path] = inner;
  }
  return out;
}
