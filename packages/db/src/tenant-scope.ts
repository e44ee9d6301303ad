import type { PrismaClient } from "./generated/client.ts";

/** A tenant id that has been checked to exist and to be reachable by the caller. */
export type TenantId = string & { readonly __brand: "TenantId" };
export type UserId = string & { readonly __brand: "UserId" };

export const asTenantId = (value: string): TenantId => value as TenantId;
export const asUserId = (value: string): UserId => value as UserId;

export type TransactionClient = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export interface ScopeOptions {
  /** Also lets the caller read their own memberships in other tenants (policy own_memberships). */
  userId?: UserId;
  timeoutMs?: number;
}

/**
 * Runs fn in one transaction with app.tenant_id set, so row-level security limits every
 * statement to that tenant even if a `where` is forgotten. The setting is local to the
 * transaction and cannot leak to the next user of the pooled connection.
 */
export async function withTenant<T>(
  prisma: PrismaClient,
  tenantId: TenantId,
  fn: (tx: TransactionClient) => Promise<T>,
  options: ScopeOptions = {},
): Promise<T> {
  if (!tenantId) throw new Error("withTenant needs a tenant id");
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT set_config('app.tenant_id', ${tenantId}, true), set_config('app.user_id', ${options.userId ?? ""}, true)`;
      return fn(tx);
    },
    { timeout: options.timeoutMs ?? 15_000, maxWait: 10_000 },
  );
}

/** Runs fn with only the user set: the user's memberships across tenants are readable, no tenant data. */
export async function withUser<T>(
  prisma: PrismaClient,
  userId: UserId,
  fn: (tx: TransactionClient) => Promise<T>,
): Promise<T> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('app.user_id', ${userId}, true)`;
    return fn(tx);
  });
}
