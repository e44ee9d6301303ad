import { Logger, type INestApplication } from "@nestjs/common";
import type { NextFunction, Request, Response } from "express";
import { listRoutes } from "../openapi/list-endpoints.ts";
import { ApiError } from "./api-error.ts";
import { toErrorBody } from "./error.filter.ts";

const send = (response: Response, error: ApiError) => {
  const { status, body } = toErrorBody(error);
  response.status(status).json(body);
};

/**
 * A known path called with a method it does not take answers 405 with an Allow header (not 404,
 * which would suggest a typo in the path). Runs before Nest's routes; the route table is read from
 * the application on first use, when every controller is registered.
 */
export function methodNotAllowed(app: INestApplication) {
  let table: Array<{ pattern: RegExp; methods: Set<string> }> | undefined;
  const routeTable = () => {
    const byPath = new Map<string, Set<string>>();
    for (const route of listRoutes(app)) {
      const methods = byPath.get(route.path) ?? new Set<string>();
      methods.add(route.method);
      if (route.method === "GET") methods.add("HEAD");
      byPath.set(route.path, methods);
    }
    return [...byPath].map(([path, methods]) => ({
      pattern: new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/:[A-Za-z0-9_]+/g, "[^/]+")}/?$`),
      methods,
    }));
  };
  return (request: Request, response: Response, next: NextFunction) => {
    table ??= routeTable();
    const matches = table.filter((route) => route.pattern.test(request.path));
    if (matches.length === 0 || matches.some((route) => route.methods.has(request.method))) return next();
    const allowed = [...new Set(matches.flatMap((route) => [...route.methods]))].sort();
    response.setHeader("Allow", allowed.join(", "));
    send(response, new ApiError(405, "method_not_allowed", `${request.method} is not allowed on ${request.path}; use ${allowed.join(", ")}.`, { allowed }));
  };
}

/** Any /api/* path no route answers gets the JSON error shape, never Express's HTML page. */
export function apiNotFound(request: Request, response: Response) {
  send(response, new ApiError(404, "not_found", `Cannot ${request.method} ${request.originalUrl}: there is no such API path. See /api/docs.`));
}

/** Errors outside Nest's handlers (static API docs assets) also leave /api/* in the error shape. */
export function apiErrorHandler(error: unknown, _request: Request, response: Response, next: NextFunction) {
  if (response.headersSent) return next(error);
  const status = (error as { status?: number; statusCode?: number }).status ?? (error as { statusCode?: number }).statusCode;
  if (status && status >= 400 && status < 500) return send(response, new ApiError(status, status === 404 ? "not_found" : "bad_request", (error as Error).message));
  if (!(error instanceof ApiError)) new Logger("HTTP").error(error instanceof Error ? error.stack : String(error));
  send(response, error instanceof ApiError ? error : new ApiError(500, "internal_error", "Something went wrong on our side. It has been logged; try again."));
}
