import { ConnectorError } from "../connector-error.ts";

export const DELIMITER_CANDIDATES = [";", ",", "\t", "|"] as const;

export function delimiterName(delimiter: string): string {
  return delimiter === "\t" ? "tab" : `'${delimiter}'`;
}

function countOutsideQuotes(line: string, character: string, quote: string): number {
  let count = 0;
  let quoted = false;
  for (const current of line) {
    if (quote !== "" && current === quote) quoted = !quoted;
    else if (!quoted && current === character) count += 1;
  }
  return count;
}

/**
 * Picks the delimiter from the header line: the candidate that occurs in it. When several do
 * ("Naam;Functie, rol;Email"), the one that occurs equally often in the next lines wins; if
 * that does not settle it, the administrator has to choose, and the message says between what.
 */
export function detectDelimiter(sample: string, sampleIsWholeFile: boolean, quote: string, fileName: string): string {
  let lines = sample.split(/\r\n|\n|\r/).filter((line) => line.trim() !== "");
  if (!sampleIsWholeFile && lines.length > 1) lines = lines.slice(0, -1);
  lines = lines.slice(0, 6);
  const [header = "", ...following] = lines;
  const inHeader = DELIMITER_CANDIDATES.map((delimiter) => ({ delimiter, count: countOutsideQuotes(header, delimiter, quote) })).filter(
    (candidate) => candidate.count > 0,
  );
  if (inHeader.length === 0) return ","; // one column: any delimiter reads it the same
  if (inHeader.length === 1) return inHeader[0]!.delimiter;

  const consistent = inHeader.filter((candidate) =>
    following.every((line) => countOutsideQuotes(line, candidate.delimiter, quote) === candidate.count),
  );
  const [best, runnerUp] = [...consistent].sort((left, right) => right.count - left.count);
  if (best !== undefined && (runnerUp === undefined || best.count > runnerUp.count)) return best.delimiter;

  const times = (count: number) => (count === 1 ? "once" : `${count} times`);
  const found = inHeader.map((candidate) => `${delimiterName(candidate.delimiter)} ${times(candidate.count)}`).join(" and ");
  throw new ConnectorError(
    "delimiter_ambiguous",
    `could not detect the delimiter of ${fileName}: the header line contains ${found} and the next lines do not settle it; ` +
      `set delimiter to ${inHeader.map((candidate) => delimiterName(candidate.delimiter)).join(" or ")}`,
    { file: fileName, line: 1 },
  );
}

/**
 * When a required column is missing, checks whether the header would have it with another
 * delimiter; the classic case is a semicolon file read with ',' (the header becomes one column).
 */
export function suggestDelimiter(header: string[], delimiter: string, quote: string, missingColumn: string): string | undefined {
  const headerLine = header.join(delimiter);
  for (const candidate of DELIMITER_CANDIDATES) {
    if (candidate === delimiter || !headerLine.includes(candidate)) continue;
    const names = headerLine.split(candidate).map((name) => (quote === "" ? name : name.split(quote).join("")).trim());
    if (names.includes(missingColumn)) return candidate;
  }
  if (header.length === 1) {
    const counts = DELIMITER_CANDIDATES.filter((candidate) => candidate !== delimiter)
      .map((candidate) => ({ candidate, count: countOutsideQuotes(headerLine, candidate, quote) }))
      .sort((left, right) => right.count - left.count);
    if ((counts[0]?.count ?? 0) > 0) return counts[0]!.candidate;
  }
  return undefined;
}
