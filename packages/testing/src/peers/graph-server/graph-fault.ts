// Graph's one error shape, `{ error: { code, message, innerError } }`, thrown by the route handlers
// and written by the server, so every refusal looks like the one a connector meets in production.
import { randomUUID } from "node:crypto";

export class GraphFault extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "GraphFault";
  }
}

export const badRequest = (message: string) => new GraphFault(400, "Request_BadRequest", message);

export const notFound = (reference: string) =>
  new GraphFault(404, "Request_ResourceNotFound", `Resource '${reference}' does not exist or one of its queried reference-property objects are not present.`);

export function graphErrorBody(code: string, message: string) {
  return { error: { code, message, innerError: { date: new Date().toISOString().slice(0, 19), "request-id": randomUUID(), "client-request-id": randomUUID() } } };
}
