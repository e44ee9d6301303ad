import { ConnectorError } from "../connector-error.ts";
import { type HttpAuth, authHeaders, secretQueryParams, withAuthQuery } from "../http/http-auth.ts";
import { type HttpAnswer, formatBytes, httpGet, isHtmlAnswer } from "../http/http-get.ts";
import { describeJsonValue, lookupPath, readPath } from "../http/json-path.ts";
import { findNextLink } from "../http/link-header.ts";
import { redactUrl } from "../http/redact-url.ts";
import type { RawRecord } from "../types.ts";
import type { HttpJsonSettings, HttpPagination } from "./http-json-settings.ts";

export interface JsonEndpoint {
  url: string;
  recordsPath: string;
  pagination: HttpPagination;
}

export interface JsonFetchEnvironment {
  auth: HttpAuth;
  headers: Record<string, string>;
  limits: HttpJsonSettings["limits"];
  /** Bytes still allowed for this fetch; shared by all endpoints. */
  budget: { remaining: number };
  signal?: AbortSignal | undefined;
  fetch?: typeof fetch | undefined;
  onPage: (recordsSoFar: number) => void;
}

/** Fetches every page of one endpoint and returns all records, or throws; never a partial list. */
export async function fetchJsonRecords(endpoint: JsonEndpoint, environment: JsonFetchEnvironment): Promise<RawRecord[]> {
  const { auth, limits, budget } = environment;
  const secretParams = secretQueryParams(auth);
  const show = (url: string) => redactUrl(url, secretParams);
  const pagination = endpoint.pagination;
  const records: RawRecord[] = [];
  let requestUrl = firstPageUrl(endpoint.url, pagination);
  let previous: { body: Buffer; url: string; cursor?: string } | undefined;

  for (let pageNumber = 1; ; pageNumber += 1) {
    if (pageNumber > limits.maxPages) {
      throw new ConnectorError(
        "too_many_pages",
        `${show(endpoint.url)} still had more pages after ${limits.maxPages} (maxPages): check that the pagination settings ` +
          `match the API (a server that ignores the page parameter never stops), or raise maxPages`,
        { url: show(endpoint.url) },
      );
    }
    const answer = await httpGet(withAuthQuery(requestUrl, auth), {
      headers: { ...authHeaders(auth), ...environment.headers },
      accept: "application/json",
      timeoutMs: limits.timeoutMs,
      maxBytes: budget.remaining,
      maxBytesLabel: `the ${formatBytes(budget.remaining)} left of maxTotalBytes (${formatBytes(limits.maxTotalBytes)} for all answers of this fetch)`,
      maxBytesHint: "raise maxTotalBytes if the data is really that large",
      retry: { maxRetries: limits.maxRetries, baseDelayMs: limits.retryBaseDelayMs, maxDelayMs: limits.maxRetryDelayMs },
      secretParams,
      signal: environment.signal,
      ...(environment.fetch ? { fetch: environment.fetch } : {}),
    });
    budget.remaining -= answer.body.byteLength;
    const shownUrl = show(answer.url);
    const json = parseJsonAnswer(answer, shownUrl);
    const page = recordsOf(json, endpoint.recordsPath, shownUrl);
    for (const record of page) records.push(record);
    environment.onPage(records.length);

    const next = nextPageUrl({ pagination, answer, json, page, requestUrl, endpointUrl: endpoint.url, show });
    if (next === undefined) return records;
    if (previous !== undefined && page.length > 0 && answer.body.equals(previous.body)) {
      throw new ConnectorError(
        "pagination_loop",
        `GET ${shownUrl} answered exactly what GET ${show(previous.url)} answered: the server seems to ignore the pagination ` +
          `parameters; check the pagination settings against the API documentation`,
        { url: shownUrl },
      );
    }
    previous = { body: answer.body, url: answer.url };
    requestUrl = next;
  }
}

function firstPageUrl(url: string, pagination: HttpPagination): string {
  switch (pagination.type) {
    case "page":
      return withParams(url, { [pagination.param]: pagination.startAt, ...(pagination.sizeParam ? { [pagination.sizeParam]: pagination.size } : {}) });
    case "offset":
      return withParams(url, { [pagination.offsetParam]: 0, [pagination.limitParam]: pagination.limit });
    default:
      return url;
  }
}

function withParams(url: string, params: Record<string, string | number>): string {
  const parsed = new URL(url);
  for (const [name, value] of Object.entries(params)) parsed.searchParams.set(name, String(value));
  return parsed.toString();
}

interface NextPageInput {
  pagination: HttpPagination;
  answer: HttpAnswer;
  json: unknown;
  page: RawRecord[];
  requestUrl: string;
  endpointUrl: string;
  show: (url: string) => string;
}

function nextPageUrl({ pagination, answer, json, page, requestUrl, endpointUrl, show }: NextPageInput): string | undefined {
  switch (pagination.type) {
    case "none":
      return undefined;
    case "page": {
      if (page.length === 0 || (pagination.stopOnShortPage && page.length < pagination.size)) return undefined;
      const current = Number(new URL(requestUrl).searchParams.get(pagination.param));
      return withParams(requestUrl, { [pagination.param]: current + 1 });
    }
    case "offset": {
      if (page.length === 0 || (pagination.stopOnShortPage && page.length < pagination.limit)) return undefined;
      const current = Number(new URL(requestUrl).searchParams.get(pagination.offsetParam));
      return withParams(requestUrl, { [pagination.offsetParam]: current + page.length });
    }
    case "cursor": {
      const cursor = readPath(json, pagination.cursorPath);
      if (cursor === undefined || cursor === null || cursor === "" || page.length === 0) return undefined;
      if (typeof cursor !== "string" && typeof cursor !== "number") {
        throw new ConnectorError(
          "records_path",
          `cursorPath '${pagination.cursorPath}' in the answer of GET ${show(answer.url)} is ${describeJsonValue(cursor)}, not a cursor value`,
          { url: show(answer.url) },
        );
      }
      if (new URL(requestUrl).searchParams.get(pagination.cursorParam) === String(cursor)) {
        throw loopError(answer, show, `the same cursor '${String(cursor)}' as the request`);
      }
      return withParams(endpointUrl, { [pagination.cursorParam]: cursor });
    }
    case "next-link":
    case "link-header": {
      const link =
        pagination.type === "next-link" ? readPath(json, pagination.nextPath) : findNextLink(answer.headers.get("link"));
      if (link === undefined || link === null || link === "") return undefined;
      if (typeof link !== "string") {
        const path = pagination.type === "next-link" ? pagination.nextPath : "";
        throw new ConnectorError(
          "records_path",
          `nextPath '${path}' in the answer of GET ${show(answer.url)} is ${describeJsonValue(link)}, not a URL`,
          { url: show(answer.url) },
        );
      }
      const next = new URL(link, answer.url);
      if (next.origin !== new URL(endpointUrl).origin) {
        throw new ConnectorError(
          "redirect_refused",
          `GET ${show(answer.url)} points to its next page on another site (${next.origin}); credentials are not sent there`,
          { url: show(answer.url) },
        );
      }
      if (next.toString() === new URL(requestUrl).toString()) throw loopError(answer, show, "a next page that is this page");
      return next.toString();
    }
  }
}

function loopError(answer: HttpAnswer, show: (url: string) => string, what: string): ConnectorError {
  return new ConnectorError(
    "pagination_loop",
    `GET ${show(answer.url)} answered with ${what}: the pagination would never end; check the pagination settings`,
    { url: show(answer.url) },
  );
}

function parseJsonAnswer(answer: HttpAnswer, shownUrl: string): unknown {
  const contentType = answer.contentType.split(";")[0]?.trim() || "none";
  if (isHtmlAnswer(answer)) {
    throw new ConnectorError(
      "http_html",
      `GET ${shownUrl} answered HTML (content-type ${contentType}), not JSON: is the URL the API endpoint, not the web page?`,
      { url: shownUrl, status: answer.status },
    );
  }
  const text = answer.body.toString("utf8").replace(/^\uFEFF/, "");
  if (text.trim() === "") {
    throw new ConnectorError("invalid_json", `GET ${shownUrl} answered ${answer.status} with an empty body, not JSON: check the URL`, {
      url: shownUrl,
      status: answer.status,
    });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(reason)?.[1];
    const cutOff = /end of JSON input/i.test(reason) || (position !== undefined && Number(position) >= text.trimEnd().length);
    throw new ConnectorError(
      "invalid_json",
      `GET ${shownUrl} answered invalid JSON (content-type ${contentType}): ${reason}${cutOff ? " (the answer may have been cut off)" : ""}`,
      { url: shownUrl, status: answer.status },
    );
  }
}

function recordsOf(json: unknown, recordsPath: string, shownUrl: string): RawRecord[] {
  const lookup = lookupPath(json, recordsPath);
  if (!lookup.found) {
    const where = lookup.parentPath === "" ? "the answer" : `'${lookup.parentPath}'`;
    throw new ConnectorError(
      "records_path",
      `recordsPath '${recordsPath}' was not found in the answer of GET ${shownUrl}: ${where} is ${describeJsonValue(lookup.parent)}` +
        arrayHint(lookup.parent, lookup.parentPath),
      { url: shownUrl },
    );
  }
  const value = lookup.value;
  // Some APIs answer an empty page with "items": null.
  if (value === null) return [];
  if (!Array.isArray(value)) {
    const where = recordsPath === "" ? "the answer" : `recordsPath '${recordsPath}'`;
    throw new ConnectorError(
      "records_path",
      `${where} of GET ${shownUrl} is ${describeJsonValue(value)}, not an array of records${arrayHint(value, recordsPath)}`,
      { url: shownUrl },
    );
  }
  const notRecord = value.findIndex((item) => item === null || typeof item !== "object" || Array.isArray(item));
  if (notRecord !== -1) {
    throw new ConnectorError(
      "records_path",
      `item ${notRecord} of the records in the answer of GET ${shownUrl} is ${describeJsonValue(value[notRecord])}, not a record (object): check recordsPath`,
      { url: shownUrl },
    );
  }
  return value as RawRecord[];
}

/** Names the arrays inside an object, since one of them is usually what recordsPath should be. */
function arrayHint(value: unknown, parentPath: string): string {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return "";
  const arrays = Object.entries(value)
    .filter(([, child]) => Array.isArray(child))
    .map(([key]) => `'${parentPath === "" ? key : `${parentPath}.${key}`}'`);
  return arrays.length > 0 ? `; set recordsPath to ${arrays.slice(0, 5).join(" or ")}` : "";
}
