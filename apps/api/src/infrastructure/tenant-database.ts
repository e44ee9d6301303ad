import { Inject, Injectable } from "@nestjs/common";
import { currentContext, requireTenantId, withTenant, type Prisma, type TransactionClient, type UserId } from "@idlife/db";
import { PRISMA } from "./tokens.ts";

/**
 * Tenant-scoped data access for request handlers: one transaction with the tenant of the
 * request context set for row-level security. Throws when there is no tenant in context.
 */
@Injectable()
export class TenantDatabase {
  constructor(@Inject(PRISMA) private readonly prisma: Prisma) {}

  run<T>(fn: (tx: TransactionClient) => Promise<T>): Promise<T> {
    const tenantId = requireTenantId();
    const actor = currentContext().actor;
    const userId = actor?.type === "user" ? (actor.id as UserId) : undefined;
    return withTenant(this.prisma, tenantId, fn, { userId });
  }
}
