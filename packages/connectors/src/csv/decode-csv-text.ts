import iconv from "iconv-lite";
import { ConnectorError } from "../connector-error.ts";
import type { CsvEncoding } from "./csv-settings.ts";

/** Files are decoded and parsed in slices this big, so garbage fails after one slice, not after 100 MB. */
export const CSV_CHUNK_BYTES = 64 * 1024;

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];
const CONTROL_CHARACTER = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

function startsWith(content: Uint8Array, bytes: number[]): boolean {
  return bytes.every((byte, index) => content[index] === byte);
}

/**
 * Refuses content that is clearly not a CSV in the chosen encoding, before any parsing, and
 * returns where the text starts (after a byte order mark, which is not part of the data).
 */
export function checkFileStart(content: Uint8Array, encoding: CsvEncoding, fileName: string): number {
  if (content.byteLength === 0 || (content.byteLength <= 3 && startsWith(content, UTF8_BOM))) {
    throw new ConnectorError("empty_file", `${fileName} is empty: export the data again or upload the right file`, { file: fileName });
  }
  if (startsWith(content, [0x50, 0x4b, 0x03, 0x04])) {
    throw new ConnectorError(
      "binary_content",
      `${fileName} is an Excel workbook or zip archive, not a CSV file: save it as CSV (in Excel: Save As, "CSV UTF-8") and upload that`,
      { file: fileName },
    );
  }
  if (startsWith(content, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new ConnectorError(
      "binary_content",
      `${fileName} is an Excel 97-2003 workbook, not a CSV file: save it as CSV (in Excel: Save As, "CSV UTF-8") and upload that`,
      { file: fileName },
    );
  }
  const wrongBom = (found: string, suggestion: string) =>
    new ConnectorError(
      "invalid_encoding",
      `${fileName} starts with a ${found} byte order mark but the encoding is set to ${encoding}: set encoding to ${suggestion}`,
      { file: fileName },
    );
  if (startsWith(content, UTF16BE_BOM)) {
    throw new ConnectorError("invalid_encoding", `${fileName} is UTF-16 big-endian, which is not supported: save it as UTF-8`, {
      file: fileName,
    });
  }
  if (startsWith(content, UTF8_BOM)) {
    if (encoding !== "utf-8") throw wrongBom("UTF-8", "utf-8");
    return UTF8_BOM.length;
  }
  if (startsWith(content, UTF16LE_BOM)) {
    if (encoding !== "utf-16le") throw wrongBom("UTF-16LE", "utf-16le");
    return UTF16LE_BOM.length;
  }
  return 0;
}

/**
 * Decodes the file slice by slice, failing at the first sign that it is not text in the chosen
 * encoding: a NUL byte (binary data, or UTF-16 read as UTF-8), bytes that are not UTF-8, or a
 * first slice full of control characters.
 */
export function* decodeCsvChunks(content: Uint8Array, start: number, encoding: CsvEncoding, fileName: string): Generator<string> {
  const bytes = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  const decoder = createDecoder(encoding);
  let newlinesBefore = 0;
  for (let offset = start; offset < bytes.byteLength; offset += CSV_CHUNK_BYTES) {
    const slice = bytes.subarray(offset, Math.min(offset + CSV_CHUNK_BYTES, bytes.byteLength));
    if (encoding !== "utf-16le") {
      const nul = slice.indexOf(0);
      if (nul !== -1) throw nulByteError(bytes, offset + nul, encoding, fileName);
    }
    let text: string;
    try {
      text = decoder.write(slice);
    } catch {
      throw invalidUtf8Error(bytes, start, offset, slice.byteLength, newlinesBefore, fileName);
    }
    if (encoding === "utf-16le" && text.includes("\u0000")) {
      throw new ConnectorError(
        "binary_content",
        `${fileName} is not a text file: it contains NUL characters near byte ${formatCount(offset)}; export the data as CSV`,
        { file: fileName },
      );
    }
    if (offset === start) checkControlCharacters(text, fileName);
    newlinesBefore += countNewlines(text);
    yield text;
  }
  let rest: string;
  try {
    rest = decoder.end();
  } catch {
    throw new ConnectorError("invalid_encoding", `${fileName} is not valid UTF-8: it ends in the middle of a character (the file may be cut off)`, {
      file: fileName,
    });
  }
  if (encoding === "utf-16le" && (bytes.byteLength - start) % 2 === 1) {
    throw new ConnectorError("invalid_encoding", `${fileName} has an odd number of bytes, so it is not UTF-16LE: check the encoding setting`, {
      file: fileName,
    });
  }
  if (rest !== "") yield rest;
}

/** UTF-8 goes through the platform's strict decoder (it throws on bad bytes); the rest through iconv-lite. */
function createDecoder(encoding: CsvEncoding): { write: (slice: Buffer) => string; end: () => string } {
  if (encoding === "utf-8") {
    const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    return { write: (slice) => decoder.decode(slice, { stream: true }), end: () => decoder.decode() };
  }
  const decoder = iconv.getDecoder(encoding, { stripBOM: false });
  return { write: (slice) => decoder.write(slice), end: () => decoder.end() ?? "" };
}

function nulByteError(bytes: Buffer, position: number, encoding: CsvEncoding, fileName: string): ConnectorError {
  const head = bytes.subarray(0, 1_024);
  let zerosAtOddPositions = 0;
  for (let index = 1; index < head.byteLength; index += 2) if (head[index] === 0) zerosAtOddPositions += 1;
  if (head.byteLength >= 8 && zerosAtOddPositions >= head.byteLength / 4) {
    return new ConnectorError(
      "invalid_encoding",
      `${fileName} looks like UTF-16 text (every other byte is 0) but the encoding is set to ${encoding}: set encoding to utf-16le`,
      { file: fileName },
    );
  }
  return new ConnectorError(
    "binary_content",
    `${fileName} is not a text file: it contains a NUL byte at byte ${formatCount(position)} (binary data, an image or a database file?); export the data as CSV`,
    { file: fileName },
  );
}

function invalidUtf8Error(
  bytes: Buffer,
  textStart: number,
  sliceStart: number,
  sliceLength: number,
  newlinesBefore: number,
  fileName: string,
): ConnectorError {
  // The streaming decoder may hold up to 3 bytes of a character started in the previous slice:
  // start the search at that character's lead byte.
  let windowStart = sliceStart;
  for (let back = 1; back <= 3 && sliceStart - back >= textStart; back += 1) {
    const byte = bytes[sliceStart - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue;
    if ((byte & 0xc0) === 0xc0) windowStart = sliceStart - back;
    break;
  }
  const window = bytes.subarray(windowStart, sliceStart + sliceLength);
  const isValidPrefix = (length: number) => {
    try {
      new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(window.subarray(0, length), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  // Decoding a longer prefix can only add errors, so the first bad byte can be found by bisection.
  let low = 0;
  let high = window.byteLength;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (isValidPrefix(middle + 1)) low = middle + 1;
    else high = middle;
  }
  // A lead byte just before is only known to be bad once the byte after it arrives: report the lead byte.
  let bad = low;
  for (let back = 1; back <= 3 && low - back >= 0; back += 1) {
    const byte = window[low - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    if (low - back + length > low) bad = low - back;
    break;
  }
  const before = new TextDecoder("utf-8").decode(window.subarray(0, bad), { stream: true });
  const lastNewline = before.lastIndexOf("\n");
  const line = newlinesBefore + countNewlines(before) + 1;
  const column = before.length - lastNewline;
  const byte = (window[bad] ?? 0).toString(16).toUpperCase().padStart(2, "0");
  return new ConnectorError(
    "invalid_encoding",
    `${fileName} is not valid UTF-8: byte 0x${byte} at line ${line}, column ${column} is not UTF-8. ` +
      `Files saved by Excel as "CSV (semicolon delimited)" are usually windows-1252: set encoding to windows-1252`,
    { file: fileName, line, column },
  );
}

function checkControlCharacters(text: string, fileName: string): void {
  const count = text.match(CONTROL_CHARACTER)?.length ?? 0;
  if (count > 8 && count > text.length / 100) {
    throw new ConnectorError(
      "binary_content",
      `${fileName} is not a text file: its first ${formatCount(text.length)} characters contain ${formatCount(count)} control characters; export the data as CSV`,
      { file: fileName },
    );
  }
}

function countNewlines(text: string): number {
  let count = 0;
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) count += 1;
  return count;
}

export function formatCount(value: number): string {
  return value.toLocaleString("en-US");
}
