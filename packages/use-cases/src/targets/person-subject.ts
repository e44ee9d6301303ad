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
  const person = (await loadPersonsForTarget(tx, tenantId, [personId], targetSystemId)).get(personId);
  if (!person) throw notFound("The person");
  return person;
}

/** Several persons at once (a run's batch): two queries however many; persons that are gone are missing. */
export async function loadPersonsForTarget(tx: TransactionClient, tenantId: string, personIds: readonly string[], targetSystemId: string): Promise<Map<string, PersonForTarget>> {
  const ids = [...new Set(personIds)];
  const persons = await tx.person.findMany({ where: { tenantId, id: { in: ids } }, select: { id: true, displayName: true, data: true } });
  const accounts = await tx.targetAccount.findMany({ where: { tenantId, personId: { in: persons.map((person) => person.id) } } });
  const accountsOf = new Map<string, typeof accounts>();
  for (const account of accounts) accountsOf.set(account.personId, [...(accountsOf.get(account.personId) ?? []), account]);
  const loaded = new Map<string, PersonForTarget>();
  for (const person of persons) {
    const own = accountsOf.get(person.id) ?? [];
    const accountData = new Map<string, Record<string, unknown>>();
    for (const account of own) if (!account.deletedAt) accountData.set(account.targetSystemId, (account.data ?? {}) as Record<string, unknown>);
    const here = own.find((account) => account.targetSystemId === targetSystemId) ?? null;
    loaded.set(person.id, {
      personId: person.id,
      displayName: person.displayName,
      subject: mappingSubject((person.data ?? {}) as Record<string, unknown>, accountData),
      account: here && { id: here.id, reference: here.reference, location: here.location, managedBy: here.managedBy, enabled: here.enabled, data: (here.data ?? {}) as Record<string, unknown>, deletedAt: here.deletedAt },
    });
  }
  return loaded;
}
