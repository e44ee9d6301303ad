import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from "@nestjs/common";
import type { Request, Response } from "express";
import { UseCaseError } from "@idlife/use-cases";
import { closeIfUnread } from "./read-body.ts";

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

const statusCodes: Record<number, string> = {
  400: "bad_request",
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  409: "conflict",
  413: "payload_too_large",
  429: "rate_limited",
};

export function toErrorBody(exception: unknown): { status: number; body: ErrorBody } {
  if (exception instanceof UseCaseError) {
    return {
      status: exception.status,
      body: { error: { code: exception.code, message: exception.message, ...(exception.details !== undefined ? { details: exception.details } : {}) } },
    };
  }
  // A unique constraint lost to a concurrent request (two sign-ups with the same slug).
  if ((exception as { code?: string } | null)?.code === "P2002") {
    return { status: 409, body: { error: { code: "conflict", message: "This conflicts with something that already exists (a name, slug or email address in use); choose another." } } };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    // Nest's own 404 for unknown routes says "Cannot GET /x"; keep that, it is actionable.
    const response = exception.getResponse();
    const message = typeof response === "string" ? response : ((response as { message?: unknown }).message ?? exception.message);
    return { status, body: { error: { code: statusCodes[status] ?? "error", message: String(message) } } };
  }
  return { status: 500, body: { error: { code: "internal_error", message: "Something went wrong on our side. It has been logged; try again." } } };
}

/** Every 4xx/5xx leaves the API in one shape; a stack trace never does. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger("HTTP");

  catch(exception: unknown, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<Request>();
    const { status, body } = toErrorBody(exception);
    // A refused upload is answered before its body is read.
    closeIfUnread(request, response);
    if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (exception instanceof UseCaseError && exception.status === 429 && typeof exception.details === "object" && exception.details) {
      const retryAfter = (exception.details as { retryAfterSeconds?: number }).retryAfterSeconds;
      if (retryAfter) response.setHeader("Retry-After", String(retryAfter));
    }
    response.status(status).json(body);
  }
}
