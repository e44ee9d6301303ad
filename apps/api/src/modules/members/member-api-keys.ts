import { recordAudit, type TransactionClient } from "@idlife/db";
import { scopesWithinRole, type ApiKeyScope, type Role } from "@idlife/core";

/**
 * An API key answers for the person who created it: it may never do more than they may. When
 * they leave the tenant their keys are revoked; when their role shrinks each key keeps only the
 * scopes the new role covers, and a key left with none is revoked.
 */
export async function fitKeysToMember(tx: TransactionClient, tenantId: string, userId: string, role: Role | null) {
  const allowed = new Set<string>(role ? scopesWithinRole(role) : []);
  const keys = await tx.apiKey.findMany({ where: { tenantId, createdById: userId, revokedAt: null } });
  for (const key of keys) {
    const scopes = key.scopes.filter((scope) => allowed.has(scope)) as ApiKeyScope[];
    if (scopes.length === key.scopes.length) continue;
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
