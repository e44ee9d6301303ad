import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from "@nestjs/common";
import { Reflector } from "@nestjs/core";
import { Inject } from "@nestjs/common";
import type { z } from "zod";
import { badRequest } from "./api-error.ts";
import { inspectInput } from "./inspect-input.ts";
import { ENDPOINT_METADATA, type EndpointDefinition } from "./endpoint.decorator.ts";
import type { ValidatedRequest } from "./validated.ts";

const where = { body: "request body", query: "query string", params: "path" } as const;

function parse(schema: z.ZodType | undefined, value: unknown, part: keyof typeof where) {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.join("."),
    message: issue.message,
    code: issue.code,
    ...("keys" in issue ? { keys: issue.keys } : {}),
  }));
  const first = issues[0];
  const at = first && first.path ? ` at '${first.path}'` : "";
  throw badRequest("validation_failed", `The ${where[part]} is invalid${at}: ${first?.message ?? "unknown error"}`, {
    part,
    issues,
  });
}

/** Parses body, query and path against the route's schemas before the handler runs. */
@Injectable()
export class ValidationInterceptor implements NestInterceptor {
  constructor(@Inject(Reflector) private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler) {
    const endpoint = this.reflector.get<EndpointDefinition | undefined>(ENDPOINT_METADATA, context.getHandler());
    if (endpoint) {
      const request = context.switchToHttp().getRequest<ValidatedRequest>();
      // The body was inspected by the JSON parser; the query and path get the same checks here.
      inspectInput({ ...(request.query as object) }, "query string");
      inspectInput({ ...request.params }, "path");
      const sentBody = request.body !== undefined && request.body !== null && Object.keys(request.body).length > 0;
      if (!endpoint.body && !endpoint.rawBody && sentBody) throw badRequest("unexpected_body", "This route takes no request body.");
      if (endpoint.body && !request.is("application/json")) {
        throw badRequest("unsupported_content_type", "Send the request body as JSON with Content-Type: application/json.");
      }
      request.validated = {
        body: parse(endpoint.body, request.body, "body"),
        query: parse(endpoint.query, { ...(request.query as object) }, "query"),
        params: parse(endpoint.params, request.params, "params"),
      };
      if (!endpoint.query && Object.keys(request.query ?? {}).length > 0) {
        throw badRequest("unexpected_query", `This route takes no query parameters (got ${Object.keys(request.query).join(", ")}).`);
      }
    }
    return next.handle();
  }
}
