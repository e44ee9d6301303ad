import { z } from "zod";
import { parseOrExplain } from "../parse-or-explain.ts";
import { formatBytes, formatDuration } from "../sandbox-error.ts";
import type { SecretSubstitution } from "./secrets.ts";

export interface HttpBridgeOptions {
  /** Host names the script may call, compared exactly (case-insensitive), e.g. "api.example.com"; "*" allows any host. */
  allowedHosts: readonly string[];
  /** Requests per run, redirects included. Default 1000. */
  maxRequests?: number;
  /** Largest single response body. Default 20 MB. */
  maxResponseBytes?: number;
  /** All response bodies of one run together. Default 50 MB. */
  maxTotalResponseBytes?: number;
  /** Time for one request to answer and deliver its body. Default 30 s. */
  requestTimeoutMs?: number;
  /** How requests are made (e.g. one that refuses private networks); default the global fetch. */
  fetch?: typeof fetch;
  /**
   * Plan mode (a preview): only GET and HEAD are sent. Every other request is refused before it
   * leaves, reported here as "write POST https://host/path" (no query string: it may carry
   * secrets) and fails inside the script with an error saying it was not sent.
   */
  readOnly?: { onRefusedWrite: (description: string) => void };
  /** Sees each answer's status and headers (a target script's session notices 429 and 503 here). */
  onResponse?: (status: number, headers: Headers) => void;
}

/** What the script receives for every request; 4xx and 5xx answers are responses too, not errors. */
export interface BridgeResponse {
  status: number;
  ok: boolean;
  /** The final address after redirects, without its query string. */
  url: string;
  headers: Record<string, string>;
  text: string;
}

/** A refused or failed request: the message is thrown inside the script. */
export type BridgeOutcome = { response: BridgeResponse } | { error: string };

const bridgeOptionsSchema = z.object({
  allowedHosts: z.array(z.string().min(1)),
  maxRequests: z.number().int().min(1).default(1000),
  maxResponseBytes: z.number().int().min(1).default(20 * 1024 * 1024),
  maxTotalResponseBytes: z.number().int().min(1).default(50 * 1024 * 1024),
  requestTimeoutMs: z.number().int().min(1).default(30_000),
  fetch: z.custom<typeof fetch>((value) => typeof value === "function").optional(),
  readOnly: z.object({ onRefusedWrite: z.custom<(description: string) => void>((value) => typeof value === "function") }).optional(),
  onResponse: z.custom<(status: number, headers: Headers) => void>((value) => typeof value === "function").optional(),
});

const READ_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD"]);

const queryValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const requestSchema = z.object({
  method: z.enum(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]),
  url: z.string(),
  headers: z.record(z.string(), z.string()).default({}),
  query: z.record(z.string(), z.union([queryValue, z.array(queryValue)])).default({}),
  body: z.string().optional(),
});

const MAX_REDIRECTS = 5;

/** Thrown inside the bridge for a refused request; turned into `{ error }` for the script. */
class RequestRefused extends Error {}

/**
 * Performs the script's HTTP requests on the host with Node's fetch, within the source system's
 * limits. Every answer, including a refusal, is a value: nothing the script does can make the
 * bridge throw into the host.
 */
export class HttpBridge {
  private readonly limits: z.output<typeof bridgeOptionsSchema>;
  private readonly allowedHosts: ReadonlySet<string>;
  private readonly runController = new AbortController();
  private requestCount = 0;
  private responseBytes = 0;

  constructor(
    options: HttpBridgeOptions,
    private readonly secrets?: SecretSubstitution,
  ) {
    this.limits = parseOrExplain(bridgeOptionsSchema, options, "HTTP bridge options");
    this.allowedHosts = new Set(this.limits.allowedHosts.map((host) => host.toLowerCase()));
  }

  /** Cancels requests still in flight; called when the run ends for any reason. */
  abort(): void {
    this.runController.abort();
  }

  /** What the script gets back never holds a secret's value: its placeholder stands in for it. */
  async request(method: unknown, url: unknown, options: unknown): Promise<BridgeOutcome> {
    const conceal = (text: string) => this.secrets?.conceal(text) ?? text;
    try {
      const response = await this.perform(method, url, options);
      const headers = Object.fromEntries(Object.entries(response.headers).map(([name, value]) => [name, conceal(value)]));
      return { response: { ...response, url: conceal(response.url), headers, text: conceal(response.text) } };
    } catch (error) {
      if (error instanceof RequestRefused) return { error: conceal(error.message) };
      return { error: conceal(`The request failed: ${error instanceof Error ? error.message : String(error)}`) };
    }
  }

  private async perform(method: unknown, url: unknown, options: unknown): Promise<BridgeResponse> {
    const parsed = requestSchema.safeParse({ ...(isObject(options) ? options : {}), method, url });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const where = issue.path.length > 0 ? issue.path.join(".") : "options";
      throw new RequestRefused(`Invalid HTTP request: ${where}: ${issue.message}`);
    }
    const request = parsed.data;
    const withSecrets = this.carriesSecrets(request);
    let target = this.checkedUrl(request.url, withSecrets);
    this.refuseWriteInPlanMode(request.method, target);
    if (withSecrets) target = this.filledUrl(request.url, target);
    for (const [name, value] of Object.entries(request.query)) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item !== null) target.searchParams.append(name, withSecrets ? this.secrets!.fillHeader(String(item)) : String(item));
      }
    }
    const headers = withSecrets ? Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, this.secrets!.fillHeader(value)])) : request.headers;
    const contentType = Object.entries(request.headers).find(([name]) => name.toLowerCase() === "content-type")?.[1];

    let currentMethod: string = request.method;
    let body = withSecrets && request.body !== undefined ? this.secrets!.fillBody(request.body, contentType) : request.body;
    for (let redirects = 0; ; redirects++) {
      const { response, timeout } = await this.fetchOnce(target, currentMethod, headers, body);
      this.limits.onResponse?.(response.status, response.headers);
      const location = response.headers.get("location");
      if (response.status < 300 || response.status >= 400 || location === null) {
        return {
          status: response.status,
          ok: response.ok,
          url: describeUrl(target),
          headers: Object.fromEntries(response.headers),
          text: await this.readBody(response, target, timeout),
        };
      }
      await response.body?.cancel();
      if (redirects === MAX_REDIRECTS) {
        throw new RequestRefused(`${describeUrl(target)} redirected more than ${MAX_REDIRECTS} times`);
      }
      // Every hop is checked against the allowed hosts, so a redirect cannot lead elsewhere.
      target = this.checkedUrl(new URL(location, target).href, withSecrets);
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && currentMethod === "POST")) {
        currentMethod = "GET";
        body = undefined;
      }
    }
  }

  private refuseWriteInPlanMode(method: string, target: URL) {
    const readOnly = this.limits.readOnly;
    if (!readOnly || READ_METHODS.has(method)) return;
    const description = `write ${method} ${describeUrl(target)}`;
    readOnly.onRefusedWrite(description);
    throw new RequestRefused(`Not sent: this is a preview (plan mode), which only reads; it would ${description}`);
  }

  private carriesSecrets(request: z.output<typeof requestSchema>): boolean {
    const secrets = this.secrets;
    if (!secrets) return false;
    const queryTexts = Object.values(request.query).flatMap((value) => (Array.isArray(value) ? value : [value])).map(String);
    return [request.url, request.body ?? "", ...Object.values(request.headers), ...queryTexts].some((text) => secrets.mentions(text));
  }

  /** The address with its secrets put in; it must still name the host that was checked. */
  private filledUrl(text: string, checked: URL): URL {
    let filled: URL | undefined;
    try {
      filled = new URL(this.secrets!.fillUrl(text));
    } catch {
      filled = undefined;
    }
    if (filled?.host !== checked.host || filled.protocol !== checked.protocol) {
      throw new RequestRefused("With its secrets put in, the address is no longer valid or names another host; put secrets in a header or a query value instead");
    }
    return filled;
  }

  /** `withSecrets`: the request carries secrets, which only go to hosts listed by name ("*" does not count). */
  private checkedUrl(text: string, withSecrets = false): URL {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new RequestRefused(
        `'${text.slice(0, 200)}' is not a valid address; use a full address such as https://api.example.com/employees`,
      );
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new RequestRefused(`Only http:// and https:// addresses can be requested, not ${url.protocol}//`);
    }
    const host = url.hostname.toLowerCase();
    if (!this.allowedHosts.has("*") && !this.allowedHosts.has(host)) {
      const allowed = this.allowedHosts.size > 0 ? [...this.allowedHosts].join(", ") : "no host at all";
      throw new RequestRefused(
        `Requests to '${host}' are not allowed; this connector may call: ${allowed}. Add the host to the connector's allowed hosts if it belongs there.`,
      );
    }
    if (withSecrets && !this.allowedHosts.has(host)) {
      throw new RequestRefused(
        `This request carries secrets, which are only sent to hosts listed by name in the connector's allowed hosts ('*' does not count); '${host}' is not listed`,
      );
    }
    return url;
  }

  private async fetchOnce(url: URL, method: string, headers: Record<string, string>, body: string | undefined) {
    if (this.requestCount >= this.limits.maxRequests) {
      throw new RequestRefused(
        `The script made more than ${this.limits.maxRequests} HTTP requests, the limit for one run; fetch larger pages or raise the limit`,
      );
    }
    this.requestCount++;
    const timeout = AbortSignal.timeout(this.limits.requestTimeoutMs);
    try {
      const response = await (this.limits.fetch ?? fetch)(url, {
        method,
        headers,
        body,
        redirect: "manual",
        // Also bounds reading the body: aborting fails the body stream.
        signal: AbortSignal.any([timeout, this.runController.signal]),
      });
      return { response, timeout };
    } catch (error) {
      throw this.describeFailure(error, url, timeout);
    }
  }

  private async readBody(response: Response, url: URL, timeout: AbortSignal): Promise<string> {
    const perResponse = this.limits.maxResponseBytes;
    const tooLarge = () =>
      new RequestRefused(
        `The response from ${describeUrl(url)} is larger than ${formatBytes(perResponse)}, the limit for one response`,
      );
    const overBudget = () =>
      new RequestRefused(
        `The responses of this run add up to more than ${formatBytes(this.limits.maxTotalResponseBytes)}, the limit for one run`,
      );
    const declared = Number(response.headers.get("content-length") ?? Number.NaN);
    if (declared > perResponse) {
      await response.body?.cancel();
      throw tooLarge();
    }
    if (!response.body) return "";
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        this.responseBytes += value.byteLength;
        if (size > perResponse) throw tooLarge();
        if (this.responseBytes > this.limits.maxTotalResponseBytes) throw overBudget();
        chunks.push(value);
      }
    } catch (error) {
      await reader.cancel().catch(() => undefined);
      if (error instanceof RequestRefused) throw error;
      throw this.describeFailure(error, url, timeout);
    }
    return Buffer.concat(chunks).toString("utf8");
  }

  private describeFailure(error: unknown, url: URL, timeout?: AbortSignal): RequestRefused {
    if (this.runController.signal.aborted) return new RequestRefused("The run was stopped");
    if (timeout?.aborted || (error instanceof Error && error.name === "TimeoutError")) {
      return new RequestRefused(
        `${describeUrl(url)} did not answer within ${formatDuration(this.limits.requestTimeoutMs)}`,
      );
    }
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : undefined;
    const reason = cause ?? (error instanceof Error ? error.message : String(error));
    return new RequestRefused(`The request to ${describeUrl(url)} failed: ${reason}`);
  }
}

/** Address without its query string, which may carry keys or tokens. */
function describeUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
