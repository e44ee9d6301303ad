// Microsoft Graph over fetch for one session: an app-only token from the client credentials grant,
// cached until shortly before it expires (and fetched again once when Graph says it expired), and
// Graph's answers turned into the connector contract's errors: throttling, 5xx and unreachable
// are TargetBusyError (the engine retries later), refusals are ConnectorError with Graph's message.
import { ConnectorError } from "../../connector-error.ts";
import { PlanModeWriteRefused, TargetBusyError } from "../target-connector.ts";
import type { EntraIdSettings } from "./entra-id-settings.ts";
import { retryAfterMs } from "./entra-id-transport.ts";

const GRAPH_SCOPE = "https://graph.microsoft.com/.default";
/** A token is renewed this long before Entra says it expires, so no request carries a stale one. */
const TOKEN_MARGIN_MS = 60_000;

export interface GraphAnswer {
  status: number;
  json: Record<string, unknown>;
}

export interface GraphRequest {
  query?: Record<string, string>;
  body?: unknown;
  /** Statuses the caller handles itself (404: gone; 400: "already exists") instead of an error. */
  accept?: readonly number[];
}

type GraphErrorBody = { error?: { code?: string; message?: string } | string; error_description?: string };

export class EntraGraphClient {
  private token?: { value: string; expiresAt: number };
  private pendingToken?: Promise<string>;

  constructor(
    private readonly settings: EntraIdSettings & { tokenUrl: string },
    private readonly clientSecret: string,
    private readonly fetch: typeof globalThis.fetch,
    private readonly signal?: AbortSignal,
  ) {}

  get graphUrl(): string {
    return this.settings.graphUrl;
  }

  /** `path` relative to the Graph URL ("/users"), or a nextLink Graph returned. */
  async request(method: string, path: string, request: GraphRequest = {}): Promise<GraphAnswer> {
    const url = new URL(path.startsWith("http") ? path : `${this.settings.graphUrl}${path}`);
    if (!url.href.startsWith(`${this.settings.graphUrl}/`)) throw new ConnectorError("redirect_refused", `Microsoft Graph returned a next page outside ${this.settings.graphUrl}; refusing to follow it.`);
    // Spaces as %20, not "+": Graph's own clients send $filter that way.
    const extra = Object.entries(request.query ?? {}).map(([name, value]) => `${name}=${encodeURIComponent(value)}`);
    if (extra.length > 0) url.search = [url.search.slice(1), ...extra].filter(Boolean).join("&");
    const label = `${method} ${url.pathname}`;
    let answer = await this.send(method, url, request.body, label);
    if (answer.status === 401) {
      // An expired or revoked token: fetch a new one once; a second 401 is a configuration problem.
      this.token = undefined;
      answer = await this.send(method, url, request.body, label);
    }
    if (answer.status < 300 || request.accept?.includes(answer.status)) return answer;
    throw this.failure(answer, label, url);
  }

  /** Every item of a list, following @odata.nextLink (with a ceiling so a loop cannot run forever). */
  async all(path: string, query: Record<string, string>, maxPages = 1_000): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let next: string | undefined = path;
    for (let pages = 0; next !== undefined; pages++) {
      if (pages >= maxPages) throw new ConnectorError("too_many_pages", `Microsoft Graph returned more than ${maxPages} pages for ${path}; stopped reading.`);
      const answer = await this.request("GET", next, { query: pages === 0 ? query : {} });
      items.push(...((answer.json.value as Record<string, unknown>[] | undefined) ?? []));
      next = answer.json["@odata.nextLink"] as string | undefined;
    }
    return items;
  }

  private async send(method: string, url: URL, body: unknown, label: string): Promise<GraphAnswer> {
    const token = await this.accessToken();
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: "application/json" };
    if (body !== undefined) headers["content-type"] = "application/json";
    const response = await this.call(url.href, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }, label);
    const text = await response.text();
    let json: Record<string, unknown> = {};
    try {
      json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      if (response.ok) throw new ConnectorError("invalid_json", `Microsoft Graph answered ${label} with something that is not JSON.`, { status: response.status });
    }
    if (response.status === 429 || response.status === 503 || response.status >= 500) {
      throw new TargetBusyError(`Microsoft Graph is busy (${response.status} on ${label}): ${graphMessage(json) ?? response.statusText}`, retryAfterMs(response.headers.get("retry-after")));
    }
    return { status: response.status, json };
  }

  /** One fetch with the session's timeout; unreachable and slow targets are "busy", not failed. */
  private async call(url: string, init: RequestInit, label: string): Promise<Response> {
    const timeout = AbortSignal.timeout(this.settings.requestTimeoutMs);
    try {
      return await this.fetch(url, { ...init, signal: this.signal ? AbortSignal.any([this.signal, timeout]) : timeout });
    } catch (error) {
      if (error instanceof PlanModeWriteRefused) throw error;
      if (this.signal?.aborted) throw new ConnectorError("aborted", `${label} was cancelled before it finished.`, {}, { cause: error });
      const reason = timeout.aborted ? `no answer within ${this.settings.requestTimeoutMs} ms` : causeCode(error);
      throw new TargetBusyError(`Microsoft Graph could not be reached at ${new URL(url).host} (${reason}) for ${label}.`);
    }
  }

  private accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt - TOKEN_MARGIN_MS > Date.now()) return Promise.resolve(this.token.value);
    this.pendingToken ??= this.fetchToken().finally(() => (this.pendingToken = undefined));
    return this.pendingToken;
  }

  private async fetchToken(): Promise<string> {
    const form = new URLSearchParams({ grant_type: "client_credentials", client_id: this.settings.clientId, client_secret: this.clientSecret, scope: GRAPH_SCOPE });
    const label = `sign-in to Microsoft Entra tenant ${this.settings.tenantId}`;
    const response = await this.call(this.settings.tokenUrl, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: form }, label);
    const json = (await response.json().catch(() => ({}))) as GraphErrorBody & { access_token?: string; expires_in?: number };
    if (response.status === 429 || response.status >= 500) throw new TargetBusyError(`Microsoft Entra is busy (${response.status}) during ${label}.`, retryAfterMs(response.headers.get("retry-after")));
    if (!response.ok || typeof json.access_token !== "string") {
      const detail = json.error_description?.split("\r\n")[0] ?? `HTTP ${response.status}`;
      throw new ConnectorError("http_status", `The ${label} failed: ${detail} Check the tenant id, the application (client) id and the client secret's value.`, { status: response.status });
    }
    this.token = { value: json.access_token, expiresAt: Date.now() + (json.expires_in ?? 3600) * 1000 };
    return this.token.value;
  }

  private failure(answer: GraphAnswer, label: string, url: URL): ConnectorError {
    const message = graphMessage(answer.json) ?? `HTTP ${answer.status}`;
    const hint =
      answer.status === 401 || answer.status === 403
        ? " Give the app registration the application permissions User.ReadWrite.All, GroupMember.ReadWrite.All and Organization.Read.All, with admin consent."
        : "";
    return new ConnectorError("http_status", `Microsoft Graph refused ${label}: ${message}${hint}`, { status: answer.status, url: `${url.origin}${url.pathname}` });
  }
}

export function graphMessage(json: Record<string, unknown>): string | undefined {
  const error = (json as GraphErrorBody).error;
  return typeof error === "object" && error ? error.message : undefined;
}

function causeCode(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? String(error);
}
