import express, { type NextFunction, type Request, type Response } from "express";
import { toErrorBody } from "./error.filter.ts";
import { ApiError } from "./api-error.ts";

interface BodyParserError extends Error {
  type?: string;
  limit?: number;
}

function describe(error: BodyParserError): ApiError {
  switch (error.type) {
    case "entity.parse.failed":
      return new ApiError(400, "invalid_json", `The request body is not valid JSON: ${error.message}`);
    case "entity.too.large":
      return new ApiError(400, "payload_too_large", `The request body is larger than the limit of ${error.limit} bytes.`, {
        limitBytes: error.limit,
      });
    case "encoding.unsupported":
    case "charset.unsupported":
      return new ApiError(400, "unsupported_encoding", "Send the request body as UTF-8 JSON.");
    default:
      return new ApiError(400, "invalid_body", error.message);
  }
}

/** File bodies: any content type, kept as a Buffer; a too-large file answers in the error shape. */
export function rawBodyParser(limitBytes: number) {
  const parse = express.raw({ type: () => true, limit: limitBytes });
  return (request: Request, response: Response, next: NextFunction) =>
    parse(request, response, (error?: unknown) => {
      if (!error) return next();
      const { status, body } = toErrorBody(describe(error as BodyParserError));
      response.status(status).json(body);
    });
}

/** JSON body parsing whose failures (bad JSON, oversize) answer in the API's error shape. */
export function jsonBodyParser(limitBytes: number) {
  const parse = express.json({ limit: limitBytes, strict: true });
  return (request: Request, response: Response, next: NextFunction) =>
    parse(request, response, (error?: unknown) => {
      if (!error) return next();
      const { status, body } = toErrorBody(describe(error as BodyParserError));
      response.status(status).json(body);
    });
}
