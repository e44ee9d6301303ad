import { createParamDecorator, type ExecutionContext } from "@nestjs/common";
import type { Request } from "express";

export interface ValidatedInput {
  body?: unknown;
  query?: unknown;
  params?: unknown;
}

export type ValidatedRequest = Request & { validated?: ValidatedInput };

const pick = (part: keyof ValidatedInput) =>
  createParamDecorator((_: unknown, context: ExecutionContext) => {
    const request = context.switchToHttp().getRequest<ValidatedRequest>();
    return request.validated?.[part];
  });

/** The request body after the route's zod schema parsed it (unknown fields refused). */
export const ValidBody = pick("body");
export const ValidQuery = pick("query");
export const ValidParams = pick("params");
