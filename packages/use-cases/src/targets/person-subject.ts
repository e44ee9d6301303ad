import type { TransactionClient } from "@idlife/db";
import { mappingSubject } from "@idlife/core";
import { notFound } from "../use-case-error.ts";

export interface StoredAccount {
  id: string;
  reference: string | null;
  location: string | null;
  managedBy: "created" | "correlated";
  enabled: boolean;
  data: Record<string, unknown>;
  deletedAt: Date | null;
}

export interface PersonForTarget {
  personId: string;
  displayName: string;
  /** What the mapping reads (person model, PrimaryContract expanded, Accounts.<systemId>). */
  subject: Record<string, unknown>;
  /** This person's account in the system, if the platform has one (deleted ones included). */
  account: StoredAccount | null;
}

/** The person and their stored account data of every system, for mapping one system's account. */
export async function loadPersonForTarget(tx: TransactionClient, tenantId: string, personId: string, targetSystemId: string): Promise<PersonForTarget> {
  const person = await tx.person.findFirst({ where: { tenantId, id: personId }, select: { id: true, displayName: true, data: true } });
  if (!person) throw notFound("The person");
  const accounts = await tx.targetAccount.findMany({ where: { tenantId, personId } });
  const accountData = new Map<string, Record<string, unknown>>();
  for (const account of accounts) if (!account.deletedAt) accountData.set(account.targetSystemId, (account.data ?? {}) as Record<string, unknown>);
  const own = accounts.find((account) => account.targetSystemId === targetSystemId) ?? null;
  return {
    personId: person.id,
    displayName: person.displayName,
    subject: mappingSubject((person.data ?? {}) as Record<string, unknown>, accountData),
    account: own && { id: own.id, reference: own.reference, location: own.location, managedBy: own.managedBy, enabled: own.enabled, data: (own.data ?? {}) as Record<string, unknown>, deletedAt: own.deletedAt },
  };
}
