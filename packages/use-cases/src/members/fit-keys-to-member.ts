import { recordAudit, type TransactionClient } from "@idlife/db";
import { narrowScopesToRole, type ApiKeyScope, type Role } from "@idlife/core";

/**
 * An API key answers for the person who created it: it may never do more than they may. When
 * they leave the tenant their keys are revoked; when their role changes each key is cut down to
 * what the new role covers (an admin key of a new operator or auditor becomes a read key).
 */
export async function fitKeysToMember(tx: TransactionClient, tenantId: string, userId: string, role: Role | null) {
  const keys = await tx.apiKey.findMany({ where: { tenantId, createdById: userId, revokedAt: null } });
  for (const key of keys) {
    const current = key.scopes as ApiKeyScope[];
    const scopes = role ? narrowScopesToRole(current, role) : [];
    if (scopes.length === current.length && scopes.every((scope) => current.includes(scope))) continue;
    const reason = role ? `creator's role changed to ${role}` : "creator left the tenant";
    if (scopes.length === 0) {
      const revoked = await tx.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
      await recordAudit(tx, { action: "api_key.revoke", targetType: "api_key", targetId: key.id, before: { revokedAt: null }, after: { revokedAt: revoked.revokedAt, reason } });
    } else {
      await tx.apiKey.update({ where: { id: key.id }, data: { scopes } });
      await recordAudit(tx, { action: "api_key.rescope", targetType: "api_key", targetId: key.id, before: { scopes: key.scopes }, after: { scopes, reason } });
    }
  }
}
