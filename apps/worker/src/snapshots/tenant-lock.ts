import type { TransactionClient } from "@idlife/db";

/**
 * Serialises the writers of a tenant's person_sources with the tenant's snapshots (held to the
 * end of the transaction): two snapshots never decide the same new person twice, and no source
 * change slips between a snapshot's read and its clearing of the pending marks.
 */
export async function lockTenantPersons(tx: TransactionClient, tenantId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`snapshot:${tenantId}`}))`;
}
