import { Inject, Injectable, type CanActivate, type ExecutionContext } from "@nestjs/common";
import { Reflector } from "@nestjs/core";
import type { Request } from "express";
import { z } from "zod";
import { asTenantId, currentContext, withTenant, type Prisma } from "@idlife/db";
import { roleAllows, scopesAllow, type Permission, type Role } from "@idlife/core";
import { ApiError, forbidden, unauthorized } from "../http/api-error.ts";
import { ENDPOINT_METADATA, type EndpointDefinition } from "../http/endpoint.decorator.ts";
import { API_CONFIG, PRISMA } from "../../infrastructure/tokens.ts";
import { RateLimits } from "../../infrastructure/rate-limits.ts";
import type { ApiConfig } from "../../config/api-config.ts";
import { authenticate, type Caller } from "../../modules/auth/authenticate.ts";

export const TENANT_HEADER = "x-tenant-id";
export const CSRF_HEADER = "x-requested-with";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type AuthenticatedRequest = Request & { caller?: Caller };

/**
 * The global guard: a route without an access declaration is refused, so a new route is
 * closed until someone says who may call it. Sets actor and tenant in the request context.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(PRISMA) private readonly prisma: Prisma,
    @Inject(RateLimits) private readonly rateLimits: RateLimits,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const endpoint = this.reflector.get<EndpointDefinition | undefined>(ENDPOINT_METADATA, context.getHandler());
    if (!endpoint) throw new ApiError(500, "route_without_access", "This route declares no access rule and is closed.");
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const caller = await authenticate(request, this.prisma, this.rateLimits, this.config.sessionLifetime);
    request.caller = caller;

    // Browsers send the session cookie on their own; a custom header they cannot add
    // cross-site without CORS proves the request came from our own pages.
    if (!SAFE_METHODS.has(request.method) && caller?.kind !== "api_key" && request.headers[CSRF_HEADER] !== "idlife") {
      throw forbidden("csrf_header_missing", "Send the header 'X-Requested-With: idlife' with requests that change something.");
    }

    const store = currentContext();
    if (caller?.kind === "user") {
      store.actor = { type: "user", id: caller.user.userId, label: caller.user.email, isPlatformAdmin: caller.user.isPlatformAdmin };
    } else if (caller?.kind === "api_key") {
      store.actor = { type: "api_key", id: caller.apiKeyId, label: `API key ${caller.prefix}` };
    }

    const access = endpoint.access;
    switch (access.kind) {
      case "public":
        return true;
      case "signed-in":
        if (caller?.kind !== "user") throw unauthorized("Sign in first.");
        return true;
      case "platform-admin":
        if (caller?.kind !== "user") throw unauthorized("Sign in first.");
        if (!caller.user.isPlatformAdmin) throw forbidden("platform_admin_required", "Only platform administrators may do this.");
        return true;
      case "tenant":
        await this.enterTenant(request, caller, access.permission);
        return true;
    }
  }

  private async enterTenant(request: Request, caller: Caller | undefined, permission: Parameters<typeof roleAllows>[1]) {
    if (!caller) throw unauthorized();
    const header = request.headers[TENANT_HEADER];
    const store = currentContext();
    if (caller.kind === "api_key") {
      if (header && header !== caller.tenantId) {
        throw forbidden("tenant_mismatch", "This API key belongs to another tenant than the X-Tenant-Id header names.");
      }
      if (!scopesAllow(caller.scopes, permission)) {
        throw forbidden("insufficient_scope", `This API key's scopes (${caller.scopes.join(", ")}) do not allow '${permission}'.`);
      }
      await this.requireActiveTenant(caller.tenantId);
      store.tenantId = caller.tenantId;
      store.allows = (other) => scopesAllow(caller.scopes, other as Permission);
      return;
    }
    if (typeof header !== "string" || !z.uuid().safeParse(header).success) {
      throw new ApiError(400, "tenant_required", "Name the tenant in the 'X-Tenant-Id' header (a tenant id from /auth/me).");
    }
    const tenantId = asTenantId(header);
    const membership = await withTenant(this.prisma, tenantId, (tx) =>
      tx.membership.findFirst({ where: { tenantId, userId: caller.user.userId }, select: { role: true } }),
    );
    if (!membership) throw forbidden("not_a_member", "You are not a member of this tenant.");
    if (!roleAllows(membership.role as Role, permission)) {
      throw forbidden("insufficient_role", `Your role '${membership.role}' does not allow '${permission}' in this tenant.`);
    }
    await this.requireActiveTenant(tenantId);
    store.tenantId = tenantId;
    store.role = membership.role;
    store.allows = (other) => roleAllows(membership.role as Role, other as Permission);
  }

  private async requireActiveTenant(tenantId: string) {
    const tenant = await this.prisma.tenant.findUnique({ where: { id: tenantId }, select: { status: true } });
    if (!tenant) throw forbidden("not_a_member", "You are not a member of this tenant.");
    if (tenant.status !== "active") throw forbidden("tenant_suspended", "This tenant is suspended.");
  }
}
