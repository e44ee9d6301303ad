import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { CsvError, parse } from "csv-parse";
import { ConnectorError, abortedError } from "../connector-error.ts";
import { formatBytes } from "../http/http-get.ts";
import type { CsvDelimiter, CsvEncoding } from "./csv-settings.ts";
import { CSV_CHUNK_BYTES, checkFileStart, decodeCsvChunks, formatCount } from "./decode-csv-text.ts";
import { delimiterName, detectDelimiter, suggestDelimiter } from "./detect-delimiter.ts";

/** An uploaded or downloaded file; the name is what messages call it. */
export interface CsvFileInput {
  fileName: string;
  content: Uint8Array;
}

export interface CsvFormat {
  delimiter: CsvDelimiter;
  encoding: CsvEncoding;
  quote: string;
  hasHeader: boolean;
  columns?: string[] | undefined;
  requiredColumns: string[];
  maxBytes: number;
}

export interface CsvReadOptions {
  /** Columns the layout needs (personKey, joinKey, …), named after their setting in messages. */
  keyColumns: Array<{ column: string; setting: string }>;
  /** Column names the connector itself adds to records. */
  reservedColumns?: string[];
  /** Receives each data row with the line it starts on; throwing a ConnectorError stops the read. */
  onRow: (record: Record<string, string>, line: number) => void;
  /** Receives the named columns once the header is read (before any row). */
  onHeader?: (columns: string[]) => void;
  signal?: AbortSignal | undefined;
}

/** A legitimate row is far shorter; garbage or a runaway quote hits this long before 100 MB. */
const MAX_RECORD_CHARACTERS = 1_000_000;

/**
 * Reads one CSV file row by row with csv-parse. Values stay the strings the file holds (an empty
 * cell is ""); blank lines and rows whose cells are all empty carry nothing and are skipped.
 * Everything else that is off (size, encoding, delimiter, header, quotes, column counts) stops
 * the read with a message naming the file, line and column.
 */
export async function readCsvFile(input: CsvFileInput, format: CsvFormat, options: CsvReadOptions): Promise<{ columns: string[] }> {
  const { fileName, content } = input;
  if (content.byteLength > format.maxBytes) {
    throw new ConnectorError(
      "file_too_large",
      `${fileName} is ${formatBytes(content.byteLength)}, more than the limit of ${formatBytes(format.maxBytes)} for this file: ` +
        `check that it is the right file, or raise maxBytes`,
      { file: fileName },
    );
  }
  const start = checkFileStart(content, format.encoding, fileName);
  const chunks = decodeCsvChunks(content, start, format.encoding, fileName);
  // The first slice is decoded (and checked for binary data) before anything else looks at it.
  const first = chunks.next();
  const sample = first.done === true ? "" : first.value;
  const delimiter =
    format.delimiter === "auto"
      ? detectDelimiter(sample, content.byteLength - start <= CSV_CHUNK_BYTES, format.quote, fileName)
      : format.delimiter;

  const required = [
    ...options.keyColumns,
    ...format.requiredColumns.filter((column) => !options.keyColumns.some((key) => key.column === column)).map((column) => ({ column, setting: "" })),
  ];
  const header: HeaderContext = { fileName, delimiter, quote: format.quote, required, reserved: options.reservedColumns ?? [] };
  let columns = format.hasHeader ? undefined : checkConfiguredColumns(format.columns ?? [], header);
  let namedColumns = columns ?? [];
  let lastLine = 0;

  const parser = parse({
    delimiter,
    quote: format.quote === "" ? false : format.quote,
    escape: format.quote === "" ? false : format.quote,
    relax_column_count: true,
    skip_empty_lines: false,
    // All three line ends, so a file that mixes them (an edited export) is still read line by line.
    record_delimiter: ["\r\n", "\n", "\r"],
    bom: false,
    max_record_size: MAX_RECORD_CHARACTERS,
    on_record: (fields: string[], context) => {
      const line = lastLine + 1;
      lastLine = context.lines;
      if (fields.every((field) => field === "")) return null;
      if (columns === undefined) {
        columns = checkHeader(fields, line, header);
        namedColumns = columns.slice(0, namedColumnCount(columns));
        options.onHeader?.(namedColumns);
        return null;
      }
      if (fields.length !== columns.length) throw columnCountError(fields.length, columns.length, line, format.hasHeader, header);
      const stray = fields.findIndex((field, index) => index >= namedColumns.length && field !== "");
      if (stray !== -1) {
        throw new ConnectorError(
          "inconsistent_columns",
          `line ${line} of ${fileName} has a value ('${shorten(fields[stray] ?? "")}') in column ${stray + 1}, which has no name in the header: ` +
            `name that column in the export`,
          { file: fileName, line, column: stray + 1 },
        );
      }
      options.onRow(Object.fromEntries(namedColumns.map((column, index) => [column, fields[index] ?? ""])), line);
      return null;
    },
  });

  const signal = options.signal;
  async function* text(): AsyncGenerator<string> {
    if (sample !== "") yield sample;
    for (const chunk of chunks) {
      if (signal?.aborted) throw abortedError(signal);
      yield chunk;
    }
  }

  try {
    await pipeline(Readable.from(text()), parser, async function* (records: AsyncIterable<unknown>) {
      for await (const record of records) void record;
    });
  } catch (error) {
    if (error instanceof CsvError) throw parseError(error, lastLine, columns, header);
    throw error;
  }
  if (columns === undefined) {
    throw new ConnectorError("empty_file", `${fileName} has no header line, only empty lines: export the data again`, { file: fileName });
  }
  return { columns: namedColumns };
}

/**
 * Nameless columns at the end of the header come from a delimiter at the end of every line, a
 * habit of some exports; they are left out as long as they stay empty.
 */
function shorten(text: string, length = 40): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}

function namedColumnCount(names: string[]): number {
  let count = names.length;
  while (count > 0 && names[count - 1] === "") count -= 1;
  return count;
}

interface HeaderContext {
  fileName: string;
  delimiter: string;
  quote: string;
  required: Array<{ column: string; setting: string }>;
  reserved: string[];
}

function checkHeader(names: string[], line: number, context: HeaderContext): string[] {
  const { fileName } = context;
  for (const { column, setting } of context.required) {
    if (!names.includes(column)) throw missingColumnError(column, setting, names, line, context);
  }
  const named = namedColumnCount(names);
  names.forEach((name, index) => {
    if (name === "" && index < named) {
      throw new ConnectorError(
        "invalid_header",
        `column ${index + 1} of the header of ${fileName} has no name: name it in the export`,
        { file: fileName, line, column: index + 1 },
      );
    }
    if (name === "") return;
    const first = names.indexOf(name);
    if (first !== index) {
      throw new ConnectorError(
        "invalid_header",
        `column '${name}' appears twice in the header of ${fileName} (columns ${first + 1} and ${index + 1}): rename one of them`,
        { file: fileName, line, column: index + 1 },
      );
    }
    if (context.reserved.includes(name)) {
      throw new ConnectorError(
        "invalid_header",
        `column '${name}' in the header of ${fileName} has the name of the list the connector adds to each person: rename it in the export`,
        { file: fileName, line, column: index + 1 },
      );
    }
  });
  return names;
}

function checkConfiguredColumns(columns: string[], context: HeaderContext): string[] {
  for (const { column, setting } of context.required) {
    if (!columns.includes(column)) {
      throw new ConnectorError(
        "missing_column",
        `column '${column}'${setting ? ` (the ${setting} setting)` : ""} is not in the columns setting of ${context.fileName} (${columns.join(", ")})`,
        { file: context.fileName },
      );
    }
  }
  return columns;
}

function missingColumnError(column: string, setting: string, names: string[], line: number, context: HeaderContext): ConnectorError {
  const shown = names.slice(0, 30).map((name) => shorten(name, 80));
  const found = shown.join(", ") + (names.length > 30 ? `, … (${names.length - 30} more)` : "");
  let hint = "";
  const suggestion = suggestDelimiter(names, context.delimiter, context.quote, column);
  const lookalike = names.find((name) => name.trim().toLowerCase() === column.trim().toLowerCase());
  if (suggestion !== undefined) {
    const readAs = names.length === 1 ? "was read as one column" : `was split on ${delimiterName(context.delimiter)}`;
    hint = `. The header ${readAs} but looks delimited by ${delimiterName(suggestion)}: set delimiter to ${delimiterName(suggestion)} (or 'auto')`;
  } else if (lookalike !== undefined) {
    hint = `. Did you mean '${lookalike}'? Column names must match exactly`;
  }
  return new ConnectorError(
    "missing_column",
    `column '${column}'${setting ? ` (the ${setting} setting)` : ""} is missing in the header of ${context.fileName} (found: ${found})${hint}`,
    { file: context.fileName, line },
  );
}

function columnCountError(found: number, expected: number, line: number, hasHeader: boolean, context: HeaderContext): ConnectorError {
  const reference = hasHeader ? `the header has ${expected} columns` : `the columns setting has ${expected} columns`;
  const hint =
    found > expected
      ? `a value that contains ${delimiterName(context.delimiter)} must be quoted`
      : `a value may be missing, or a line break inside a value is not quoted`;
  return new ConnectorError(
    "inconsistent_columns",
    `line ${line} of ${context.fileName} has ${found} values but ${reference}: ${hint}`,
    { file: context.fileName, line },
  );
}

function parseError(error: CsvError, lastLine: number, columns: string[] | undefined, context: HeaderContext): ConnectorError {
  const { fileName } = context;
  const fieldIndex = typeof error.column === "number" ? error.column : undefined;
  const name = fieldIndex !== undefined ? columns?.[fieldIndex] : undefined;
  const column = fieldIndex !== undefined ? ` (column ${fieldIndex + 1}${name !== undefined ? ` '${name}'` : ""})` : "";
  const line = typeof error.lines === "number" ? error.lines : lastLine + 1;
  const quote = context.quote;
  const location = { file: fileName, line, ...(fieldIndex !== undefined ? { column: fieldIndex + 1 } : {}) };
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED": {
      const startLine = lastLine + 1;
      return new ConnectorError(
        "unclosed_quote",
        `unclosed quote starting at line ${startLine} of ${fileName}${column}: the value opened with ${quote} never ends; ` +
          `close it, and double any ${quote} inside a quoted value (${quote}${quote})`,
        { ...location, line: startLine },
      );
    }
    case "CSV_INVALID_CLOSING_QUOTE": {
      const after = /got "(.*?)" at line/.exec(error.message)?.[1] ?? "";
      return new ConnectorError(
        "invalid_quote",
        `line ${line} of ${fileName}${column}: a quoted value is followed by '${after}' instead of ${delimiterName(context.delimiter)} or the end of the line; ` +
          `double any ${quote} inside a quoted value (${quote}${quote})`,
        location,
      );
    }
    case "INVALID_OPENING_QUOTE": {
      const before = /value is "(.*)"$/.exec(error.message)?.[1] ?? "";
      return new ConnectorError(
        "invalid_quote",
        `line ${line} of ${fileName}${column}: a ${quote} appears in the middle of a value (after '${before}'); ` +
          `quote the whole value and double the ${quote} inside it, or set quote to "" if this file never quotes values`,
        location,
      );
    }
    case "CSV_MAX_RECORD_SIZE":
      return new ConnectorError(
        "record_too_long",
        `the row starting at line ${lastLine + 1} of ${fileName} is longer than ${formatCount(MAX_RECORD_CHARACTERS)} characters: ` +
          `the file is not a CSV file, a quote is never closed, or the line breaks are not recognised`,
        { file: fileName, line: lastLine + 1 },
      );
    default:
      return new ConnectorError("invalid_csv", `could not read line ${line} of ${fileName}: ${error.message}`, location, { cause: error });
  }
}
