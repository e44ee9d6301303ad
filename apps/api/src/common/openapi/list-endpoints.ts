import { PATH_METADATA } from "@nestjs/common/constants.js";
import { DiscoveryService, MetadataScanner, Reflector } from "@nestjs/core";
import type { INestApplication } from "@nestjs/common";
import { ENDPOINT_METADATA, type EndpointDefinition } from "../http/endpoint.decorator.ts";

export const API_PREFIX = "/api/v1";

export interface DiscoveredRoute {
  method: string;
  /** Full path as Express sees it, e.g. /api/v1/members/:id */
  path: string;
  controller: string;
  handler: string;
  endpoint?: EndpointDefinition;
}

const join = (...parts: string[]) =>
  "/" + parts.flatMap((part) => part.split("/")).filter(Boolean).join("/");

/** Every route of every controller, with its declared endpoint (undefined when it declares none). */
export function listRoutes(app: INestApplication): DiscoveredRoute[] {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const reflector = app.get(Reflector);
  const routes: DiscoveredRoute[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance) continue;
    const prototype = Object.getPrototypeOf(instance);
    const controllerPath = (Reflect.getMetadata(PATH_METADATA, wrapper.metatype as object) as string | undefined) ?? "";
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      const methodPath = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      if (methodPath === undefined) continue;
      const method = Reflect.getMetadata("method", handler) as number;
      const endpoint = reflector.get<EndpointDefinition | undefined>(ENDPOINT_METADATA, handler);
      routes.push({
        method: endpoint?.method ?? ["GET", "POST", "PUT", "DELETE", "PATCH", "ALL", "OPTIONS", "HEAD"][method] ?? "?",
        path: join(API_PREFIX, controllerPath, methodPath),
        controller: wrapper.name,
        handler: name,
        endpoint,
      });
    }
  }
  return routes;
}
