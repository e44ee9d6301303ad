/**
 * A refusal a caller can act on, thrown by a use case. The API answers it as
 * `{ error: { code, message, details } }` with its status; the worker records its message.
 */
export class UseCaseError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string, details?: unknown) => new UseCaseError(400, code, message, details);
export const notFound = (what: string) => new UseCaseError(404, "not_found", `${what} was not found.`);
export const conflict = (code: string, message: string) => new UseCaseError(409, code, message);
/** A source system, target system or business rule whose name another one of the tenant has. */
export const nameTaken = (what: string, name: string) => conflict("name_taken", `A ${what} named '${name}' exists; choose another name.`);

/** The row looked for, or the not-found refusal naming it. */
export function orNotFound<Row>(row: Row | null, what: string): Row {
  if (!row) throw notFound(what);
  return row;
}
