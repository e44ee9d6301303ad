import { z } from "zod";
import { httpAuthSchema } from "../http/http-auth.ts";

export const CSV_DEFAULT_MAX_BYTES = 100 * 1024 * 1024;
/** The largest file any setting may allow: the whole file is held in memory while it is read. */
export const CSV_MAX_BYTES = 1024 * 1024 * 1024;
const MAX_COLUMNS = 2_000;

export const csvDelimiterSchema = z.enum([",", ";", "\t", "|", "auto"], {
  error: 'must be ",", ";", "\\t" (tab), "|" or "auto"',
});
export const csvEncodingSchema = z.enum(["utf-8", "windows-1252", "iso-8859-1", "utf-16le"], {
  error: 'must be "utf-8", "windows-1252", "iso-8859-1" or "utf-16le"',
});

export type CsvDelimiter = z.output<typeof csvDelimiterSchema>;
export type CsvEncoding = z.output<typeof csvEncodingSchema>;

const columnName = z.string().min(1).max(500);

/** How one file is written and where it comes from; every file of a source has its own. */
const csvFileShape = {
  /** Where the worker downloads the file; without it the file must be uploaded. */
  url: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).optional(),
  /** "auto" detects the delimiter from the header line. */
  delimiter: csvDelimiterSchema.default("auto"),
  encoding: csvEncodingSchema.default("utf-8"),
  /** Character that quotes values; "" for files that never quote. */
  quote: z.string().max(1).default('"'),
  hasHeader: z.boolean().default(true),
  /** Column names for a file without a header line (hasHeader false). */
  columns: z.array(columnName).min(1).max(MAX_COLUMNS).optional(),
  requiredColumns: z.array(columnName).max(MAX_COLUMNS).default([]),
  maxBytes: z.number().int().positive().max(CSV_MAX_BYTES).default(CSV_DEFAULT_MAX_BYTES),
};

type FileSettings = { delimiter: CsvDelimiter; quote: string; hasHeader: boolean; columns?: string[] | undefined };

function checkFileFormat(file: FileSettings, context: z.core.$RefinementCtx<unknown>): void {
  if (file.hasHeader && file.columns !== undefined) {
    context.addIssue({ code: "custom", path: ["columns"], message: "columns is only used when hasHeader is false" });
  }
  if (!file.hasHeader && file.columns === undefined) {
    context.addIssue({ code: "custom", path: ["columns"], message: "a file without a header needs its column names in columns" });
  }
  if (file.columns !== undefined && new Set(file.columns).size !== file.columns.length) {
    context.addIssue({ code: "custom", path: ["columns"], message: "column names must be unique" });
  }
  if (file.quote !== "" && file.quote === file.delimiter) {
    context.addIssue({ code: "custom", path: ["quote"], message: "the quote character cannot be the delimiter" });
  }
}

export const csvSinglePersonsFileSchema = z
  .object({
    ...csvFileShape,
    /** Column that identifies the person; rows with the same value are one person. */
    personKey: columnName,
    /** Columns that belong to the contract; all other columns describe the person. */
    contractColumns: z.array(columnName).max(MAX_COLUMNS).default([]),
  })
  .superRefine((file, context) => {
    checkFileFormat(file, context);
    if (file.contractColumns.includes(file.personKey)) {
      context.addIssue({ code: "custom", path: ["contractColumns"], message: "the personKey column describes the person, not the contract" });
    }
  });

export const csvPersonsFileSchema = z
  .object({ ...csvFileShape, personKey: columnName })
  .superRefine(checkFileFormat);

export const csvContractsFileSchema = z
  .object({
    ...csvFileShape,
    /** Contract column that holds the person's personKey value. */
    joinKey: columnName,
  })
  .superRefine(checkFileFormat);

export const csvDepartmentsFileSchema = z
  .object({ ...csvFileShape, departmentKey: columnName })
  .superRefine(checkFileFormat);

/** Credentials and headers for files the worker downloads (all files of the source share them). */
export const csvDownloadSchema = z.object({
  auth: httpAuthSchema.default({ type: "none" }),
  headers: z.record(z.string().min(1).max(200), z.string().max(10_000)).refine((headers) => Object.keys(headers).length <= 50, { error: "at most 50 headers" }).default({}),
  timeoutMs: z.number().int().positive().max(30 * 60_000).default(60_000),
});

export const csvSettingsSchema = z.discriminatedUnion("layout", [
  z.object({
    /** One file, one row per contract (or per person); rows are grouped into persons by personKey. */
    layout: z.literal("single"),
    persons: csvSinglePersonsFileSchema,
    departments: csvDepartmentsFileSchema.optional(),
    download: csvDownloadSchema.prefault({}),
  }),
  z.object({
    /** A persons file and a contracts file joined on contracts.joinKey = persons.personKey. */
    layout: z.literal("two-files"),
    persons: csvPersonsFileSchema,
    contracts: csvContractsFileSchema,
    departments: csvDepartmentsFileSchema.optional(),
    download: csvDownloadSchema.prefault({}),
  }),
]);

export type CsvSettingsInput = z.input<typeof csvSettingsSchema>;
export type CsvSettings = z.output<typeof csvSettingsSchema>;
export type CsvFileSettings = z.output<typeof csvPersonsFileSchema>;

export const csvSecretFields = ["download.auth.password", "download.auth.token", "download.auth.value"] as const;
