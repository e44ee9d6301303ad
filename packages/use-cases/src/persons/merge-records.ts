import { PrismaNamespace, type TenantId, type TransactionClient } from "@idlife/db";
import { conflict, notFound } from "../use-case-error.ts";

type PersonRef = { id: string; externalId: string; displayName: string };

export const personRef = (person: PersonRef | null | undefined) =>
  person ? { id: person.id, externalId: person.externalId, displayName: person.displayName } : null;

/** A person no longer fed by any source disappears into the one it was merged with. */
export async function removeIfEmpty(tx: TransactionClient, tenantId: TenantId, personId: string | null) {
  if (!personId) return;
  if ((await tx.personSource.count({ where: { tenantId, personId } })) === 0) await tx.person.deleteMany({ where: { tenantId, id: personId } });
}

export async function mergeHistoryEntry(tx: TransactionClient, tenantId: TenantId, personId: string, field: "Merge" | "Unmerge", newValue: object) {
  await tx.personHistory.create({ data: { tenantId, personId, field, kind: "changed", oldValue: PrismaNamespace.DbNull, newValue, cause: "merge" } });
}

/** A suggestion that still waits for a decision; a decided one is not decided twice. */
export async function openSuggestion(tx: TransactionClient, tenantId: TenantId, id: string) {
  const suggestion = await tx.mergeSuggestion.findFirst({ where: { tenantId, id } });
  if (!suggestion) throw notFound("Merge suggestion");
  if (suggestion.status !== "open") throw conflict("already_decided", `This suggestion was already ${suggestion.status}.`);
  return suggestion;
}
