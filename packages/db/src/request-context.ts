import { AsyncLocalStorage } from "node:async_hooks";
import type { TenantId, UserId } from "./tenant-scope.ts";

export type Actor =
  | { type: "user"; id: UserId; label: string; isPlatformAdmin: boolean }
  | { type: "api_key"; id: string; label: string }
  | { type: "system"; id: null; label: string };

/**
 * Who is acting, for which tenant. Set once per HTTP request by the access guard and once per
 * job by the job runner; everything below reads it instead of passing it by hand.
 */
export interface RequestContext {
  actor?: Actor;
  tenantId?: TenantId;
  role?: string;
  /** Whether the caller holds a tenant permission beyond the one the route required. */
  allows?: (permission: string) => boolean;
  ipAddress?: string | null;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentContext(): RequestContext {
  const context = storage.getStore();
  if (!context) throw new Error("No request context: run this inside an HTTP request or a job");
  return context;
}

/** The context if there is one: for code that also runs outside requests (seeding, scripts). */
export function optionalContext(): RequestContext {
  return storage.getStore() ?? {};
}

/** Tenant-scoped code calls this; it throws rather than run unscoped. */
export function requireTenantId(): TenantId {
  const tenantId = currentContext().tenantId;
  if (!tenantId) throw new Error("No tenant in the request context: this code is tenant-scoped");
  return tenantId;
}

export function requireActor(): Actor {
  const actor = currentContext().actor;
  if (!actor) throw new Error("No actor in the request context");
  return actor;
}
