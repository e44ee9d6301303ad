import { errorResponseSchema } from "@idlife/contracts";

/** A failed answer from the idlife API, carrying the one error shape every endpoint uses. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** The request never got an answer: offline, DNS, the API is down. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super("Could not reach the idlife server. Check your connection and try again.", { cause });
    this.name = "NetworkError";
  }
}

/** The API answered 2xx, but with a body this version of the portal does not understand. */
export class UnexpectedResponseError extends Error {
  constructor(path: string, cause: unknown) {
    super("The server sent an answer this page does not understand. Reload the page and try again.", {
      cause,
    });
    this.name = "UnexpectedResponseError";
    this.path = path;
  }
  readonly path: string;
}

/**
 * Builds an ApiError from a non-2xx answer. Bodies that are not the agreed error shape (a proxy's
 * HTML 502 page, an empty body) still become a message a person can act on.
 */
export function toApiError(status: number, body: unknown): ApiError {
  const parsed = errorResponseSchema.safeParse(body);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError(status, code, message, details);
  }
  return new ApiError(status, fallbackCode(status), fallbackMessage(status));
}

function fallbackCode(status: number): string {
  if (status === 401) return "unauthenticated";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "server_error";
  return "http_error";
}

function fallbackMessage(status: number): string {
  if (status === 401) return "Your session has ended. Sign in again.";
  if (status === 403) return "You do not have permission to do this.";
  if (status === 404) return "This could not be found.";
  if (status === 429) return "Too many attempts. Wait a minute and try again.";
  if (status >= 500) return `The server ran into a problem (HTTP ${status}). Try again in a moment.`;
  return `The request failed (HTTP ${status}).`;
}

/** The sentence to show a person for any error a query or mutation can throw. */
export function getErrorMessage(error: unknown): string {
  if (error instanceof ApiError || error instanceof NetworkError || error instanceof UnexpectedResponseError) {
    return error.message;
  }
  return "Something went wrong. Reload the page and try again.";
}

export function isUnauthorized(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

export function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403;
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}
