import { Inject, Injectable } from "@nestjs/common";
import { requireTenantId, withTenant, type Prisma, type TransactionClient } from "@idlife/db";
import type { TenantScope } from "@idlife/use-cases";
import { PRISMA } from "./tokens.ts";

/**
 * Tenant-scoped data access for request handlers: one transaction with the tenant of the
 * request context set for row-level security. Throws when there is no tenant in context.
 */
@Injectable()
export class TenantDatabase {
  constructor(@Inject(PRISMA) private readonly prisma: Prisma) {}

  run<T>(fn: (tx: TransactionClient) => Promise<T>): Promise<T> {
    // No user id: inside a tenant's transaction even the caller's memberships elsewhere stay hidden.
    return withTenant(this.prisma, requireTenantId(), fn);
  }

  /** The request's tenant as the use cases take it; throws when there is none in context. */
  scope(): TenantScope {
    return { tenantId: requireTenantId(), run: (fn) => this.run(fn) };
  }
}
