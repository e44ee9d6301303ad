import type { TransactionClient } from "@idlife/db";

/** Whether a unique value (sAMAccountName, mail) is already handed out to another person of this system. */
export async function reservedForOthers(tx: TransactionClient, tenantId: string, targetSystemId: string, personId: string, attribute: string, value: string): Promise<boolean> {
  const reservation = await tx.targetReservedValue.findFirst({ where: { tenantId, targetSystemId, attribute, value }, select: { personId: true } });
  return reservation !== null && reservation.personId !== personId;
}

/**
 * Reserves the values for the person. Returns the attributes whose value another person took
 * meanwhile (the caller plans again), none when all are the person's now.
 */
export async function reserveValues(tx: TransactionClient, tenantId: string, targetSystemId: string, personId: string, values: ReadonlyArray<{ attribute: string; value: string }>): Promise<string[]> {
  if (values.length === 0) return [];
  await tx.targetReservedValue.createMany({ data: values.map(({ attribute, value }) => ({ tenantId, targetSystemId, attribute, value, personId })), skipDuplicates: true });
  const held = await tx.targetReservedValue.findMany({ where: { tenantId, targetSystemId, OR: values.map(({ attribute, value }) => ({ attribute, value })) }, select: { attribute: true, personId: true } });
  return held.filter((row) => row.personId !== personId).map((row) => row.attribute);
}

/**
 * Claims one candidate value for the person while a create is planned (the runner's way of
 * checking a candidate): true when the value is now the person's. Claiming as it checks, two
 * persons planned at the same moment can never pick the same value.
 */
export async function claimValue(tx: TransactionClient, tenantId: string, targetSystemId: string, personId: string, attribute: string, value: string): Promise<boolean> {
  await tx.targetReservedValue.createMany({ data: [{ tenantId, targetSystemId, attribute, value, personId }], skipDuplicates: true });
  const holder = await tx.targetReservedValue.findFirst({ where: { tenantId, targetSystemId, attribute, value }, select: { personId: true } });
  return holder?.personId === personId;
}

/** Gives back the candidates the person claimed but did not get (taken in the target meanwhile). */
export async function releaseUnchosen(tx: TransactionClient, tenantId: string, targetSystemId: string, personId: string, chosen: ReadonlyArray<{ attribute: string; value: string }>): Promise<void> {
  for (const { attribute, value } of chosen) {
    await tx.targetReservedValue.deleteMany({ where: { tenantId, targetSystemId, personId, attribute, value: { not: value } } });
  }
}
