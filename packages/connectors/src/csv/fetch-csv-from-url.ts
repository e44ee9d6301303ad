import { ConnectorError } from "../connector-error.ts";
import { type HttpAuth, authHeaders, secretQueryParams, withAuthQuery } from "../http/http-auth.ts";
import { type RetryPolicy, httpGet, isHtmlAnswer } from "../http/http-get.ts";
import { redactUrl } from "../http/redact-url.ts";
import { CSV_DEFAULT_MAX_BYTES } from "./csv-settings.ts";
import type { CsvFileInput } from "./read-csv-file.ts";

export interface FetchCsvFromUrlOptions {
  headers?: Record<string, string>;
  auth?: HttpAuth;
  /** Default 100 MB; checked against Content-Length and again while the body arrives. */
  maxBytes?: number;
  /** Per attempt, body included. Default 60 s. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

export interface DownloadedCsvFile extends CsvFileInput {
  contentType: string;
}

/**
 * Downloads a CSV file for the worker. The file name in messages is the URL with credentials
 * hidden. An HTML or JSON answer is refused: it is almost always a sign-in page or an API, not
 * the export.
 */
export async function fetchCsvFromUrl(url: string, options: FetchCsvFromUrlOptions = {}): Promise<DownloadedCsvFile> {
  const auth = options.auth ?? { type: "none" };
  const secretParams = secretQueryParams(auth);
  const answer = await httpGet(withAuthQuery(url, auth), {
    headers: { ...authHeaders(auth), ...options.headers },
    accept: "text/csv, text/tab-separated-values;q=0.9, text/plain;q=0.8, */*;q=0.1",
    timeoutMs: options.timeoutMs ?? 60_000,
    maxBytes: options.maxBytes ?? CSV_DEFAULT_MAX_BYTES,
    maxBytesHint: "check that the URL points to the right export, or raise maxBytes",
    retry: { maxRetries: 3, baseDelayMs: 1_000, maxDelayMs: 60_000, ...options.retry },
    secretParams,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const shownUrl = redactUrl(answer.url, secretParams);
  const contentType = answer.contentType || "none";
  if (isHtmlAnswer(answer)) {
    throw new ConnectorError(
      "http_html",
      `GET ${shownUrl} answered HTML (content-type ${contentType}), not a CSV file: is the URL the file's download link, ` +
        `not the web page (or sign-in page) that shows it?`,
      { url: shownUrl, status: answer.status },
    );
  }
  if (/\bjson\b/i.test(contentType)) {
    throw new ConnectorError(
      "http_html",
      `GET ${shownUrl} answered JSON (content-type ${contentType}), not a CSV file: for a REST API use the HTTP JSON connector`,
      { url: shownUrl, status: answer.status },
    );
  }
  return { fileName: shownUrl, content: answer.body, contentType: answer.contentType };
}
