import type { TransactionClient } from "@idlife/db";
import type { AccountData, TargetAccount } from "@idlife/connectors";
import type { PersonForTarget } from "@idlife/use-cases";

/** The stored account data: the attributes marked "store" from what was sent, else as read back. */
export function storedData(stored: readonly string[], previous: Record<string, unknown>, sent: AccountData, readBack: AccountData | undefined): Record<string, unknown> {
  const data = new Map<string, unknown>(Object.entries(previous));
  for (const attribute of stored) {
    if (Object.hasOwn(sent, attribute)) data.set(attribute, sent[attribute]);
    else if (readBack && Object.hasOwn(readBack, attribute)) data.set(attribute, readBack[attribute]);
  }
  return Object.fromEntries(data);
}

/** The person's account as the platform records it (created, taken over or changed); written with the action's outcome. */
export interface SavedAccount {
  personId: string;
  reference: string;
  location: string | null;
  enabled: boolean;
  data: Record<string, unknown>;
  managedBy: "created" | "correlated";
}

/** Records (or takes over) the person's account in the platform: the outcome's `account`. */
export function saveAccount(person: PersonForTarget, account: Omit<SavedAccount, "personId">): SavedAccount {
  return { personId: person.personId, ...account };
}

/**
 * Upserts the accounts of a batch of finished actions in one statement (one row per person: the
 * last one wins, as it would have written last). A deleted account that is created again comes back.
 */
export async function saveAccounts(tx: TransactionClient, tenantId: string, targetSystemId: string, accounts: readonly SavedAccount[]): Promise<void> {
  const latest = [...new Map(accounts.map((account) => [account.personId, account])).values()];
  if (latest.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO target_accounts (id, tenant_id, target_system_id, person_id, reference, location, managed_by, enabled, data, deleted_at, created_at, updated_at)
    SELECT gen_random_uuid(), ${tenantId}::uuid, ${targetSystemId}::uuid, saved.person_id, saved.reference, saved.location, saved.managed_by::"AccountManagedBy", saved.enabled, saved.data, NULL, now(), now()
    FROM unnest(${latest.map((account) => account.personId)}::uuid[], ${latest.map((account) => account.reference)}::text[], ${latest.map((account) => account.location)}::text[],
      ${latest.map((account) => account.managedBy)}::text[], ${latest.map((account) => account.enabled)}::boolean[], ${latest.map((account) => JSON.stringify(account.data))}::jsonb[])
      AS saved(person_id, reference, location, managed_by, enabled, data)
    ON CONFLICT (target_system_id, person_id) DO UPDATE SET reference = EXCLUDED.reference, location = EXCLUDED.location, managed_by = EXCLUDED.managed_by,
      enabled = EXCLUDED.enabled, data = EXCLUDED.data, deleted_at = NULL, updated_at = now()`;
}

/** A short description of accounts for error messages (several correlation matches). */
export function describeAccounts(accounts: readonly TargetAccount[]): string {
  const shown = accounts.slice(0, 5).map((account) => account.location ?? account.displayName ?? account.reference);
  return shown.join("; ") + (accounts.length > shown.length ? ` and ${accounts.length - shown.length} more` : "");
}

/** Attribute -> value pairs for the audit (old -> new); never a password. */
export function auditValues(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([attribute]) => !/^(unicodePwd|userPassword|password)$/i.test(attribute)));
}
