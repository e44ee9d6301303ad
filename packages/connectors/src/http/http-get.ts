import { STATUS_CODES } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { ConnectorError, abortedError } from "../connector-error.ts";
import { redactUrl } from "./redact-url.ts";

export interface RetryPolicy {
  /** Retries after the first attempt, for 429/502/503/504 and dropped connections. */
  maxRetries: number;
  baseDelayMs: number;
  /** Longest single wait, also the most a Retry-After header may ask for. */
  maxDelayMs: number;
}

export interface HttpGetOptions {
  headers: Record<string, string>;
  accept: string;
  timeoutMs: number;
  maxBytes: number;
  /** How messages name the limit; default "the limit of {maxBytes}". */
  maxBytesLabel?: string;
  /** How to fix an answer over the limit, e.g. "raise maxBytes". */
  maxBytesHint: string;
  retry: RetryPolicy;
  /** Query parameters to hide in messages besides the usual suspects (token, key, sig, …). */
  secretParams?: readonly string[];
  signal?: AbortSignal;
  /** How requests are made (connectorFetch refuses private networks); default the global fetch. */
  fetch?: typeof fetch;
}

export interface HttpAnswer {
  /** The URL that answered, after same-site redirects. */
  url: string;
  status: number;
  contentType: string;
  headers: Headers;
  body: Buffer;
}

const RETRY_STATUSES = new Set([429, 502, 503, 504]);
const RETRY_NETWORK_CODES = new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "ECONNABORTED"]);
const MAX_REDIRECTS = 5;
const SNIPPET_LENGTH = 200;

type Attempt =
  | { kind: "answer"; answer: HttpAnswer }
  | { kind: "status"; url: string; status: number; statusText: string; snippet: string; retryAfterMs?: number };

/**
 * One GET with everything a source fetch needs: a timeout per attempt (body included), bounded
 * retries with backoff that respect Retry-After, redirects only within the same site (credentials
 * must not travel to another host), a size limit enforced while reading, and messages that say
 * which URL (secrets hidden) answered what.
 */
export async function httpGet(url: string, options: HttpGetOptions): Promise<HttpAnswer> {
  const describe = (target: string) => redactUrl(target, options.secretParams);
  for (let retry = 0; ; retry += 1) {
    let attempt: Attempt;
    try {
      attempt = await attemptGet(url, options, describe);
    } catch (error) {
      if (error instanceof ConnectorError) throw error;
      const code = networkErrorCode(error);
      if (code !== undefined && RETRY_NETWORK_CODES.has(code) && retry < options.retry.maxRetries) {
        await wait(backoffDelay(retry, options.retry), options.signal);
        continue;
      }
      throw networkError(url, error, describe, retry);
    }
    if (attempt.kind === "answer") return attempt.answer;

    const retriesLeft = retry < options.retry.maxRetries;
    if (RETRY_STATUSES.has(attempt.status) && retriesLeft) {
      if (attempt.retryAfterMs !== undefined && attempt.retryAfterMs > options.retry.maxDelayMs) {
        throw new ConnectorError(
          "http_status",
          `GET ${describe(attempt.url)} answered ${attempt.status} ${attempt.statusText} and asked to wait ` +
            `${Math.ceil(attempt.retryAfterMs / 1000)} s (Retry-After), longer than the ` +
            `${Math.round(options.retry.maxDelayMs / 1000)} s this source may wait: try again later or raise maxRetryDelayMs`,
          { url: describe(attempt.url), status: attempt.status },
        );
      }
      await wait(attempt.retryAfterMs ?? backoffDelay(retry, options.retry), options.signal);
      continue;
    }
    const afterRetries = retry > 0 ? ` (after ${retry} ${retry === 1 ? "retry" : "retries"})` : "";
    throw new ConnectorError(
      "http_status",
      `GET ${describe(attempt.url)} answered ${attempt.status} ${attempt.statusText}: ${attempt.snippet}${afterRetries}${statusHint(attempt.status)}`,
      { url: describe(attempt.url), status: attempt.status },
    );
  }
}

async function attemptGet(url: string, options: HttpGetOptions, describe: (url: string) => string): Promise<Attempt> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const headers = { accept: options.accept, ...options.headers };
  let current = url;
  try {
    for (let redirects = 0; ; redirects += 1) {
      const response = await (options.fetch ?? fetch)(current, { headers, redirect: "manual", signal });
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location !== null) {
        await response.body?.cancel();
        current = followRedirect(current, location, redirects, describe);
        continue;
      }
      if (!response.ok) {
        return {
          kind: "status",
          url: current,
          status: response.status,
          statusText: response.statusText || STATUS_CODES[response.status] || "",
          snippet: await readSnippet(response),
          retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
        };
      }
      const body = await readLimitedBody(response, current, options, describe);
      const contentType = response.headers.get("content-type") ?? "";
      return { kind: "answer", answer: { url: current, status: response.status, contentType, headers: response.headers, body } };
    }
  } catch (error) {
    if (options.signal?.aborted) throw abortedError(options.signal);
    if (timeout.aborted) {
      throw new ConnectorError(
        "timeout",
        `GET ${describe(current)} did not answer completely within ${formatSeconds(options.timeoutMs)}: ` +
          `the server is slow or unreachable; try again later or raise timeoutMs`,
        { url: describe(current) },
        { cause: error },
      );
    }
    throw error;
  }
}

function followRedirect(from: string, location: string, redirects: number, describe: (url: string) => string): string {
  const source = new URL(from);
  const target = new URL(location, source);
  if (redirects >= MAX_REDIRECTS) {
    throw new ConnectorError("redirect_refused", `GET ${describe(from)} redirected more than ${MAX_REDIRECTS} times: use the final URL`, {
      url: describe(from),
    });
  }
  const upgradeToHttps = source.protocol === "http:" && target.protocol === "https:" && source.hostname === target.hostname;
  if (target.origin !== source.origin && !upgradeToHttps) {
    throw new ConnectorError(
      "redirect_refused",
      `GET ${describe(from)} redirected to another site (${target.origin}); credentials are not sent there: configure that URL directly if it is right`,
      { url: describe(from) },
    );
  }
  return target.toString();
}

async function readLimitedBody(
  response: Response,
  url: string,
  options: HttpGetOptions,
  describe: (url: string) => string,
): Promise<Buffer> {
  const limit = options.maxBytesLabel ?? `the limit of ${formatBytes(options.maxBytes)}`;
  const tooLarge = (size: string | undefined) =>
    new ConnectorError(
      "response_too_large",
      `GET ${describe(url)} answered ${size !== undefined ? `${size}, more than` : "more than"} ${limit}: ${options.maxBytesHint}`,
      { url: describe(url) },
    );
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    await response.body?.cancel();
    throw tooLarge(formatBytes(declared));
  }
  return readBodyWithin(response, options.maxBytes, () => tooLarge(undefined));
}

/** Reads a whole body, but throws `tooLarge()` as soon as it passes `maxBytes`. */
export async function readBodyWithin(response: Response, maxBytes: number, tooLarge: () => Error): Promise<Buffer> {
  if (response.body === null) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    // Counted after decompression, so a small gzip bomb cannot slip past the limit.
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

async function readSnippet(response: Response): Promise<string> {
  if (response.body === null) return "(empty body)";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    while (total < 4_096) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      total += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  let text = Buffer.concat(chunks).toString("utf8");
  if ((response.headers.get("content-type") ?? "").includes("html")) {
    text = text.replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ").replace(/<[^>]*>/g, " ");
  }
  const cleaned = text.replace(/\s+/g, " ").trim();
  return cleaned === "" ? "(empty body)" : cleaned.slice(0, SNIPPET_LENGTH);
}

function statusHint(status: number): string {
  if (status === 401) return ". Check the credentials (auth settings).";
  if (status === 403) return ". The credentials were accepted but may not read this resource: check the account's permissions.";
  if (status === 404) return ". Check the URL.";
  return "";
}

export function parseRetryAfter(value: string | null): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function backoffDelay(retry: number, policy: RetryPolicy): number {
  const exponential = policy.baseDelayMs * 2 ** retry;
  // Jitter spreads the retries of many tenants' imports that failed at the same moment.
  return Math.min(policy.maxDelayMs, Math.round(exponential * (0.5 + Math.random() / 2)));
}

async function wait(milliseconds: number, signal: AbortSignal | undefined): Promise<void> {
  try {
    await sleep(milliseconds, undefined, { signal });
  } catch (error) {
    if (signal?.aborted) throw abortedError(signal);
    throw error;
  }
}

export function networkErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== null && typeof current === "object"; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: "the connection was refused: check the host and port and that the service is running",
  ENOTFOUND: "the host name was not found: check the URL",
  EAI_AGAIN: "the host name could not be resolved right now: check the URL or try again later",
  ECONNRESET: "the server closed the connection",
  UND_ERR_SOCKET: "the server closed the connection",
  ETIMEDOUT: "the connection timed out: check that the host is reachable from the platform",
  EPRIVATENETWORK:
    "the address is in a private or local network, which connectors may not reach: use the service's public address (an on-premise installation can allow private networks with CONNECTOR_PRIVATE_NETWORKS=allow)",
  CERT_HAS_EXPIRED: "the server's TLS certificate has expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "the server's TLS certificate is self-signed and not trusted",
  SELF_SIGNED_CERT_IN_CHAIN: "the server's TLS certificate chain is not trusted",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the server's TLS certificate could not be verified",
  ERR_TLS_CERT_ALTNAME_INVALID: "the server's TLS certificate is for another host name",
};

function networkError(url: string, error: unknown, describe: (url: string) => string, retries: number): ConnectorError {
  const code = networkErrorCode(error);
  const reason = (code !== undefined ? NETWORK_REASONS[code] : undefined) ?? `the request failed${code ? ` (${code})` : ""}`;
  const afterRetries = retries > 0 ? ` (after ${retries} ${retries === 1 ? "retry" : "retries"})` : "";
  return new ConnectorError("network", `GET ${describe(url)} failed: ${reason}${afterRetries}`, { url: describe(url) }, { cause: error });
}

export function isHtmlAnswer(answer: HttpAnswer): boolean {
  if (answer.contentType.toLowerCase().includes("text/html")) return true;
  const start = answer.body.subarray(0, 512).toString("utf8").trimStart().toLowerCase();
  return start.startsWith("<!doctype html") || start.startsWith("<html");
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

function formatSeconds(milliseconds: number): string {
  return milliseconds % 1000 === 0 ? `${milliseconds / 1000} s` : `${(milliseconds / 1000).toFixed(1)} s`;
}
