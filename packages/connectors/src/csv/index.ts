export * from "./csv-settings.ts";
export { fetchCsvSource, type CsvFetchContext, type CsvFileRole } from "./fetch-csv-source.ts";
export { fetchCsvFromUrl, type DownloadedCsvFile, type FetchCsvFromUrlOptions } from "./fetch-csv-from-url.ts";
export type { CsvFileInput } from "./read-csv-file.ts";
export { readCsvSourceFields } from "./read-csv-header.ts";
