import express, { type NextFunction, type Request, type Response } from "express";
import { toErrorBody } from "./error.filter.ts";
import { ApiError, payloadTooLarge } from "./api-error.ts";
import { inspectInput } from "./inspect-input.ts";
import { closeIfUnread } from "./read-body.ts";

interface BodyParserError extends Error {
  type?: string;
  limit?: number;
}

function describe(error: BodyParserError): ApiError {
  if (error instanceof ApiError) return error;
  switch (error.type) {
    case "entity.parse.failed":
      return new ApiError(400, "invalid_json", `The request body is not valid JSON: ${error.message}`);
    case "entity.too.large":
      return payloadTooLarge(error.limit ?? 0);
    case "encoding.unsupported":
    case "charset.unsupported":
      return new ApiError(400, "unsupported_encoding", "Send the request body as UTF-8 JSON.");
    default:
      return new ApiError(400, "invalid_body", error.message);
  }
}

/**
 * JSON body parsing whose failures (bad JSON, oversize) answer in the API's error shape. The
 * parsed body is inspected before any route sees it (see inspectInput): no prototype keys, no NUL
 * characters, bounded nesting. Bodies of `skip` paths (file uploads) are left unread here.
 */
export function jsonBodyParser(limitBytes: number, skip: RegExp) {
  const parse = express.json({ limit: limitBytes, strict: true });
  return (request: Request, response: Response, next: NextFunction) => {
    if (skip.test(request.path)) return next();
    parse(request, response, (error?: unknown) => {
      try {
        if (error) throw describe(error as BodyParserError);
        if (request.body !== undefined) inspectInput(request.body, "request body");
      } catch (refusal) {
        const { status, body } = toErrorBody(describe(refusal as BodyParserError));
        closeIfUnread(request, response);
        return void response.status(status).json(body);
      }
      next();
    });
  };
}
