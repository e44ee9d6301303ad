export { createPrismaClient, type Prisma } from "./client.ts";
export {
  withTenant,
  withUser,
  asTenantId,
  asUserId,
  type TenantId,
  type UserId,
  type TransactionClient,
  type ScopeOptions,
} from "./tenant-scope.ts";
export { resolveDatabaseUrls, resolveDatabasePoolSize, withDatabaseName } from "./config.ts";
export { migrateDatabase } from "./migrations/index.ts";
export * from "./generated/client.ts";
export {
  runWithContext,
  currentContext,
  optionalContext,
  requireTenantId,
  requireActor,
  type Actor,
  type RequestContext,
} from "./request-context.ts";
export { recordAudit, recordAudits, redactSecrets, type AuditRecord } from "./audit.ts";
export { resolveAuditTargetLabels, auditTargetKey, type AuditTarget } from "./audit-targets.ts";
export { resolveSecretsKey, encryptSecrets, decryptSecrets } from "./secrets.ts";
export { Prisma as PrismaNamespace } from "./generated/client.ts";
export { rawRecordsAt } from "./raw-records.ts";
