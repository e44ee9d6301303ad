import type { INestApplication } from "@nestjs/common";
import { z } from "zod";
import { errorResponseSchema } from "@idlife/contracts";
import type { Access } from "../http/endpoint.decorator.ts";
import { listRoutes } from "./list-endpoints.ts";

const jsonSchema = (schema: z.ZodType, io: "input" | "output") =>
  z.toJSONSchema(schema, { io, unrepresentable: "any", target: "openapi-3.0" }) as Record<string, unknown>;

function describeAccess(access: Access): string {
  switch (access.kind) {
    case "public":
      return "Public.";
    case "signed-in":
      return "Any signed-in person (session cookie).";
    case "platform-admin":
      return "Platform administrators only.";
    case "tenant":
      return `Tenant permission '${access.permission}': a member whose role allows it (send X-Tenant-Id), or an API key whose scopes allow it.`;
  }
}

function parametersOf(schema: z.ZodType | undefined, location: "path" | "query") {
  if (!schema) return [];
  const json = jsonSchema(schema, "input") as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === "path" || (json.required ?? []).includes(name),
    schema: property,
  }));
}

/** The OpenAPI 3 document, built from the same zod schemas that validate requests. */
export function buildOpenApiDocument(app: INestApplication) {
  const paths: Record<string, Record<string, unknown>> = {};
  const error = { description: "Error", content: { "application/json": { schema: jsonSchema(errorResponseSchema, "output") } } };
  for (const route of listRoutes(app)) {
    const endpoint = route.endpoint;
    if (!endpoint) continue;
    const path = route.path.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
    const status = String(endpoint.status ?? 200);
    const tenantHeader =
      endpoint.access.kind === "tenant"
        ? [{ name: "X-Tenant-Id", in: "header", required: false, schema: { type: "string", format: "uuid" }, description: "The tenant, for session callers (API keys imply theirs)." }]
        : [];
    paths[path] ??= {};
    paths[path][endpoint.method.toLowerCase()] = {
      summary: endpoint.summary,
      description: describeAccess(endpoint.access),
      tags: endpoint.tags,
      operationId: `${route.controller}.${route.handler}`,
      security: endpoint.access.kind === "public" ? [] : [{ sessionCookie: [] }, { apiKey: [] }],
      parameters: [...parametersOf(endpoint.params, "path"), ...parametersOf(endpoint.query, "query"), ...tenantHeader],
      ...(endpoint.body
        ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(endpoint.body, "input") } } } }
        : {}),
      responses: {
        [status]: endpoint.response
          ? { description: "OK", content: { "application/json": { schema: jsonSchema(endpoint.response, "output") } } }
          : { description: "OK" },
        "400": error,
        ...(endpoint.access.kind === "public" ? {} : { "401": error, "403": error }),
        ...(endpoint.params ? { "404": error } : {}),
      },
    };
  }
  return {
    openapi: "3.0.3",
    info: {
      title: "idlife API",
      version: "1",
      description:
        "Identity lifecycle platform. Errors always have the shape { error: { code, message, details } }. " +
        "Requests that change something from a browser session must send 'X-Requested-With: idlife'.",
    },
    servers: [{ url: "/" }],
    components: {
      securitySchemes: {
        sessionCookie: { type: "apiKey", in: "cookie", name: "idlife_session" },
        apiKey: { type: "http", scheme: "bearer", description: "An API key created under Settings → API keys." },
      },
    },
    paths,
  };
}
