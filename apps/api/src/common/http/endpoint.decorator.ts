import { applyDecorators, Delete, Get, HttpCode, Patch, Post, Put, SetMetadata } from "@nestjs/common";
import type { z } from "zod";
import type { Permission } from "@idlife/core";

/**
 * Who may call a route. Every route declares one (the access guard refuses a route without):
 * - public: anyone, signed in or not;
 * - signed-in: a person with a session, outside any tenant;
 * - platform-admin: a platform super-admin;
 * - tenant: a member (person or API key) of the tenant in context, with this permission.
 */
export type Access =
  | { kind: "public" }
  | { kind: "signed-in" }
  | { kind: "platform-admin" }
  | { kind: "tenant"; permission: Permission };

export const publicAccess: Access = { kind: "public" };
export const signedIn: Access = { kind: "signed-in" };
export const platformAdmin: Access = { kind: "platform-admin" };
export const tenantAccess = (permission: Permission): Access => ({ kind: "tenant", permission });

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface EndpointDefinition {
  method: HttpMethod;
  path: string;
  access: Access;
  summary: string;
  tags?: string[];
  status?: number;
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
  response?: z.ZodType;
  /** The body is a file (bytes as sent), not JSON; see create-app.ts for the parser. */
  rawBody?: boolean;
}

export const ENDPOINT_METADATA = "idlife:endpoint";

const methodDecorators = { GET: Get, POST: Post, PUT: Put, PATCH: Patch, DELETE: Delete };

/** Declares a route, its access and its schemas in one place; the schemas also feed OpenAPI. */
export function Endpoint(definition: EndpointDefinition): MethodDecorator {
  const status = definition.status ?? (definition.method === "POST" ? 201 : 200);
  return applyDecorators(
    methodDecorators[definition.method](definition.path),
    HttpCode(status),
    SetMetadata(ENDPOINT_METADATA, { ...definition, status }),
  );
}
