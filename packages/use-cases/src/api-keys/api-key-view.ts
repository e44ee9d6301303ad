import type { TransactionClient } from "@idlife/db";
import type { ApiKeyScope } from "@idlife/core";
import type { ApiKey } from "@idlife/contracts";

type ApiKeyRow = { id: string; name: string; prefix: string; scopes: string[]; createdById: string | null; createdAt: Date; lastUsedAt: Date | null; expiresAt: Date | null; revokedAt: Date | null };
type Creator = { id: string; email: string; displayName: string };

export const toApiKey = (row: ApiKeyRow, creators: ReadonlyMap<string, Creator>): ApiKey => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  scopes: row.scopes as ApiKeyScope[],
  createdBy: (row.createdById && creators.get(row.createdById)) || null,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  expiresAt: row.expiresAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

/** Creators are people (users are not tenant data): looked up by id, whether or not still members. */
export async function loadCreators(tx: TransactionClient, ids: Array<string | null>): Promise<Map<string, Creator>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const users = await tx.user.findMany({ where: { id: { in: wanted } }, select: { id: true, email: true, displayName: true } });
  return new Map(users.map((user) => [user.id, user]));
}
