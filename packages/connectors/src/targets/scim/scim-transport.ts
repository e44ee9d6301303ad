import { ConnectorError, abortedError } from "../../connector-error.ts";
import { networkErrorCode, parseRetryAfter, readBodyWithin } from "../../http/http-get.ts";
import { PlanModeWriteRefused, TargetBusyError, type TargetOpenInput } from "../target-connector.ts";
import type { ScimSettings } from "./scim-settings.ts";

/** No SCIM answer this connector reads is anywhere near this; a bigger one is a misbehaving service. */
const MAX_RESPONSE_BYTES = 20 * 1024 * 1024;
const BUSY_STATUSES = new Set([429, 502, 503, 504]);
const READ_METHODS = new Set(["GET", "HEAD"]);
/** Network failures that mean "the service is not there right now": the engine retries later. */
const BUSY_NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "UND_ERR_SOCKET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH"]);

export interface ScimAnswer {
  status: number;
  /** The parsed JSON body; undefined for 204 and empty answers. */
  body: unknown;
}

/**
 * The one way this connector talks to a SCIM service: auth, timeouts, and the translation of the
 * service's answers into what the engine understands (busy: retry later; refused credentials;
 * a SCIM error's own detail). In plan mode it refuses every method but GET and HEAD before
 * anything leaves the process, whatever the caller does.
 */
export class ScimTransport {
  private readonly base: string;
  private readonly authorization: string;

  constructor(
    private readonly settings: ScimSettings,
    private readonly input: Pick<TargetOpenInput, "mode" | "fetch" | "signal" | "onRefusedWrite">,
  ) {
    this.base = settings.baseUrl.replace(/\/+$/, "");
    const auth = settings.auth;
    this.authorization =
      auth.type === "bearer" ? `Bearer ${auth.token}` : `Basic ${Buffer.from(`${auth.username}:${auth.password}`, "utf8").toString("base64")}`;
  }

  /** Sends one request. Answers 2xx and 404 (the caller decides what "gone" means); throws for the rest. */
  async send(method: string, path: string, body?: unknown): Promise<ScimAnswer> {
    const described = `${method} ${path.split("?")[0]}`;
    if (this.input.mode === "plan" && !READ_METHODS.has(method)) {
      this.input.onRefusedWrite?.({ description: described });
      throw new PlanModeWriteRefused(described);
    }
    const timeout = AbortSignal.timeout(this.settings.timeoutMs);
    const signal = this.input.signal ? AbortSignal.any([this.input.signal, timeout]) : timeout;
    const headers: Record<string, string> = { accept: "application/scim+json, application/json", authorization: this.authorization };
    if (body !== undefined) headers["content-type"] = "application/scim+json";
    let response: Response;
    let text: string;
    try {
      response = await (this.input.fetch ?? fetch)(`${this.base}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        redirect: "error",
        signal,
      });
      text = (
        await readBodyWithin(
          response,
          MAX_RESPONSE_BYTES,
          () => new ConnectorError("response_too_large", `${described} answered more than ${MAX_RESPONSE_BYTES / 1024 / 1024} MB: lower pageSize`),
        )
      ).toString("utf8");
    } catch (error) {
      throw this.transportError(error, described, timeout);
    }
    if (response.ok || response.status === 404) return { status: response.status, body: parseJson(text, described) };
    throw this.statusError(response, parseJson(text, described, true), described);
  }

  private transportError(error: unknown, described: string, timeout: AbortSignal): Error {
    if (error instanceof ConnectorError) return error;
    if (this.input.signal?.aborted) return abortedError(this.input.signal);
    if (timeout.aborted) {
      return new TargetBusyError(`${described} on ${this.base} did not answer within ${this.settings.timeoutMs / 1000} s: the SCIM service is slow or unreachable`);
    }
    const code = networkErrorCode(error);
    if (code !== undefined && BUSY_NETWORK_CODES.has(code)) {
      return new TargetBusyError(`${described} on ${this.base} failed (${code}): the SCIM service is not reachable right now; check that it runs and that the URL is right`);
    }
    return new ConnectorError("network", `${described} on ${this.base} failed${code ? ` (${code})` : ""}: check baseUrl`, { url: this.base }, { cause: error });
  }

  private statusError(response: Response, body: unknown, described: string): Error {
    const status = response.status;
    const detail = scimErrorDetail(body);
    // 502 and 504 come from a gateway in front of a service that is restarting: also "try later".
    if (BUSY_STATUSES.has(status)) {
      const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
      const wait = retryAfterMs === undefined ? "" : ` and asked to wait ${Math.ceil(retryAfterMs / 1000)} s`;
      return new TargetBusyError(`${described} answered ${status}${wait}: the SCIM service is busy`, retryAfterMs);
    }
    if (status === 401 || status === 403) {
      const what = this.settings.auth.type === "bearer" ? "the token" : "the user name and password";
      const fix = status === 401 ? `check ${what} in the auth settings` : `${what} may not do this: check its permissions in the application`;
      return new ConnectorError("http_status", `the SCIM service refused ${what} (${status} on ${described}${detail ? `: ${detail}` : ""}): ${fix}`, {
        url: this.base,
        status,
      });
    }
    return new ConnectorError("http_status", `${described} answered ${status}${detail ? `: ${detail}` : ""}`, { url: this.base, status });
  }
}

/** The SCIM error's own words (RFC 7644 3.12): detail and scimType, when the body is one. */
export function scimErrorDetail(body: unknown): string {
  if (body === null || typeof body !== "object") return "";
  const { detail, scimType } = body as { detail?: unknown; scimType?: unknown };
  const parts = [typeof scimType === "string" && scimType !== "" ? `(${scimType})` : "", typeof detail === "string" ? detail.slice(0, 300) : ""];
  return parts.filter(Boolean).join(" ");
}

function parseJson(text: string, described: string, lenient = false): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    if (lenient) return undefined;
    throw new ConnectorError("invalid_json", `${described} answered something that is not JSON: is baseUrl the SCIM base URL?`, {}, { cause: error });
  }
}
