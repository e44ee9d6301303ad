export type CsvSeparator = "," | ";";

/** One CSV line (CRLF), each value a cell. */
export function csvLine(values: unknown[], separator: CsvSeparator): string {
  return values.map(csvCell).join(separator) + "\r\n";
}

function csvCell(value: unknown): string {
  const text = value === undefined || value === null ? "" : String(value);
  // Cells starting with = + - @ (or a tab or CR) are prefixed so spreadsheets do not run them as formulas.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  // Quoted when they hold either separator, so a file stays readable whichever one is chosen.
  return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
