import { DateTime } from "luxon";
import type { DateFormat } from "./value-transforms-schema.ts";

export type DateResult = { ok: true; value: string } | { ok: false; message: string };

/** luxon formats of the date part; "{s}" is the separator found in the value. */
const DATE_PART: Record<Exclude<DateFormat, "excel-serial">, string> = {
  "d-m-yyyy": "d{s}M{s}yyyy",
  "dd-mm-yyyy": "dd{s}MM{s}yyyy",
  "m-d-yyyy": "M{s}d{s}yyyy",
  "mm-dd-yyyy": "MM{s}dd{s}yyyy",
  yyyymmdd: "yyyyMMdd",
  "yyyy-mm-dd": "yyyy-MM-dd",
};

const EXAMPLES: Record<DateFormat, string> = {
  "d-m-yyyy": "31-12-2024, 1-2-2024 or 1/2/2024",
  "dd-mm-yyyy": "31-12-2024 or 01.02.2024",
  "m-d-yyyy": "12-31-2024 or 2/1/2024",
  "mm-dd-yyyy": "12-31-2024 or 02/01/2024",
  yyyymmdd: "20241231",
  "yyyy-mm-dd": "2024-12-31",
  "excel-serial": "45000 or 45000.5",
};

/** The date part, then an optional time after a space (or a "T" in ISO values). */
const WITH_TIME = /^(\S+?)(?:([ T])(\d{1,2}:\d{2}(?::\d{2})?))?$/;

function mismatch(value: unknown, format: DateFormat): DateResult {
  return { ok: false, message: `${JSON.stringify(value)} does not match the date format ${format} (like ${EXAMPLES[format]})` };
}

function formatted(date: DateTime, output: "date" | "date-time"): string {
  return output === "date" ? date.toISODate()! : date.toFormat("yyyy-MM-dd'T'HH:mm:ss");
}

/*
 * Excel counts days from 1900-01-00 and believes 1900 was a leap year (Lotus 1-2-3's bug): serial
 * 60 is 29 February 1900, a day that never was, and every serial after it is one day too high.
 * The fraction is the time of day.
 */
const EXCEL_EPOCH_AFTER_BUG = Date.UTC(1899, 11, 30);
const EXCEL_EPOCH_BEFORE_BUG = Date.UTC(1899, 11, 31);
const LAST_EXCEL_SERIAL = 2_958_465; // 9999-12-31

function fromExcelSerial(value: unknown, output: "date" | "date-time"): DateResult {
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim().replace(",", ".") : "";
  if (!/^\d+(\.\d+)?$/.test(text)) return mismatch(value, "excel-serial");
  const serial = Number(text);
  if (serial < 1 || serial >= LAST_EXCEL_SERIAL + 1) {
    return { ok: false, message: `${JSON.stringify(value)} is not an Excel date; Excel dates run from 1 (1900-01-01) to ${LAST_EXCEL_SERIAL} (9999-12-31)` };
  }
  const days = Math.floor(serial);
  if (days === 60) {
    return { ok: false, message: `${JSON.stringify(value)} is 29-02-1900 in Excel, a day that does not exist (Excel's 1900 leap-year bug); correct the date in the source` };
  }
  const seconds = Math.round((serial - days) * 86_400);
  const epoch = days < 60 ? EXCEL_EPOCH_BEFORE_BUG : EXCEL_EPOCH_AFTER_BUG;
  const date = DateTime.fromMillis(epoch + days * 86_400_000 + seconds * 1_000, { zone: "UTC" });
  return { ok: true, value: formatted(date, output) };
}

/**
 * Reads a date in the administrator's chosen format and returns it as an ISO date (or local
 * date-time). Parsing is luxon's, with explicit formats and the UTC zone, so a day never shifts
 * and an impossible date (31-02-2024) is refused rather than rolled over.
 */
export function parseDateValue(value: unknown, format: DateFormat, output: "date" | "date-time"): DateResult {
  if (format === "excel-serial") return fromExcelSerial(value, output);
  // JSON sources deliver 20240131 as a number.
  const text = typeof value === "number" && Number.isInteger(value) ? String(value) : value;
  if (typeof text !== "string") return mismatch(value, format);
  const parts = WITH_TIME.exec(text.trim());
  if (!parts) return mismatch(value, format);
  const [, datePart, timeSeparator, time] = parts as unknown as [string, string, string | undefined, string | undefined];
  if (timeSeparator === "T" && format !== "yyyy-mm-dd") return mismatch(value, format);
  const separator = format === "yyyymmdd" || format === "yyyy-mm-dd" ? "-" : (/[-/.]/.exec(datePart)?.[0] ?? "-");
  const dateFormat = DATE_PART[format].replaceAll("{s}", separator);
  const timeFormat = time === undefined ? "" : `'${timeSeparator}'${time.split(":").length === 3 ? "H:mm:ss" : "H:mm"}`;
  const date = DateTime.fromFormat(text.trim(), `${dateFormat}${timeFormat}`, { zone: "UTC" });
  return date.isValid ? { ok: true, value: formatted(date, output) } : mismatch(value, format);
}
