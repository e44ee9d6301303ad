import { UseCaseError } from "@idlife/use-cases";

/**
 * An error a caller can act on. Becomes `{ error: { code, message, details } }` on the wire, as
 * does a use case's UseCaseError, of which it is one: a refusal reads the same from either layer.
 */
export class ApiError extends UseCaseError {}

export const badRequest = (code: string, message: string, details?: unknown) =>
  new ApiError(400, code, message, details);
export const unauthorized = (message = "Sign in first, or send a valid API key.") =>
  new ApiError(401, "unauthenticated", message);
export const forbidden = (code: string, message: string) => new ApiError(403, code, message);
export const notFound = (what: string) => new ApiError(404, "not_found", `${what} was not found.`);
export const conflict = (code: string, message: string) => new ApiError(409, code, message);
export const payloadTooLarge = (limitBytes: number) =>
  new ApiError(413, "payload_too_large", `The request body is larger than the limit of ${limitBytes} bytes.`, { limitBytes });
