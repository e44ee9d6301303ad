import { applyDecorators, Delete, Get, HttpCode, Patch, Post, Put, SetMetadata } from "@nestjs/common";
import type { z } from "zod";
import type { Permission } from "@idlife/core";
import type { HttpMethod, RouteContract } from "@idlife/contracts";

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

export type { HttpMethod };

/** What a route stores for the guards, validation and OpenAPI: its contract plus the API's own parts. */
export interface EndpointDefinition {
  /** The contract route this handler serves (packages/contracts/src/routes). */
  route: RouteContract;
  method: HttpMethod;
  path: string;
  access: Access;
  summary: string;
  tags?: readonly string[];
  status?: number;
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
  response?: z.ZodType;
  /** The body is a file (bytes as sent), not JSON; see create-app.ts for the parser. */
  rawBody?: boolean;
}

/** The parts of a route only the API knows: who may call it, its success status, a file body. */
export interface EndpointOptions {
  route: RouteContract;
  access: Access;
  status?: number;
  /** The body is a file (bytes as sent), not JSON; see create-app.ts for the parser. */
  rawBody?: boolean;
}

export const ENDPOINT_METADATA = "idlife:endpoint";

const methodDecorators = { GET: Get, POST: Post, PUT: Put, PATCH: Patch, DELETE: Delete };

/**
 * Serves a contract route (method, path and schemas described once in @idlife/contracts) with the
 * API's access rule; the controller must be mounted at the root (`@Controller()`), since the
 * contract's path is the whole path under /api/v1.
 */
export function Endpoint(options: EndpointOptions): MethodDecorator {
  const { route } = options;
  const status = options.status ?? (route.method === "POST" ? 201 : 200);
  const definition: EndpointDefinition = { ...route, route, access: options.access, status, rawBody: options.rawBody };
  return applyDecorators(
    methodDecorators[route.method](route.path),
    HttpCode(status),
    SetMetadata(ENDPOINT_METADATA, { ...definition, status }),
  );
}
