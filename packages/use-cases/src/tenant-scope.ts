import { withTenant, type Prisma, type TenantId, type TransactionClient } from "@idlife/db";
import type { z } from "zod";
import { badRequest } from "./use-case-error.ts";

/**
 * Data access of one tenant: every use case gets one and can reach no other tenant's rows.
 * `run` is one transaction with the tenant set for row-level security; `tenantId` is typed, so
 * a query written without it does not compile where the id is asked for.
 */
export interface TenantScope {
  readonly tenantId: TenantId;
  run<T>(fn: (tx: TransactionClient) => Promise<T>): Promise<T>;
}

/** The scope of a tenant the caller names (the worker: from the job's payload). */
export function tenantScope(prisma: Prisma, tenantId: TenantId): TenantScope {
  return { tenantId, run: (fn) => withTenant(prisma, tenantId, fn) };
}

/** Checks a use case's input; a bad one is refused with the fields that are wrong. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw badRequest("invalid_input", parsed.error.issues.map((issue) => `${issue.path.join(".") || "input"}: ${issue.message}`).join("; "), { issues: parsed.error.issues });
  }
  return parsed.data;
}
