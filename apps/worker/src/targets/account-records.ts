import { PrismaNamespace, type TransactionClient } from "@idlife/db";
import type { AccountData, TargetAccount } from "@idlife/connectors";
import type { PersonForTarget } from "@idlife/use-cases";
import type { TargetRunContext } from "./target-run-context.ts";

/** The stored account data: the attributes marked "store" from what was sent, else as read back. */
export function storedData(stored: readonly string[], previous: Record<string, unknown>, sent: AccountData, readBack: AccountData | undefined): Record<string, unknown> {
  const data = new Map<string, unknown>(Object.entries(previous));
  for (const attribute of stored) {
    if (Object.hasOwn(sent, attribute)) data.set(attribute, sent[attribute]);
    else if (readBack && Object.hasOwn(readBack, attribute)) data.set(attribute, readBack[attribute]);
  }
  return Object.fromEntries(data);
}

/** Records (or takes over) the person's account in the platform. */
export function saveAccount(context: TargetRunContext, person: PersonForTarget, account: { reference: string; location: string | null; enabled: boolean; data: Record<string, unknown>; managedBy: "created" | "correlated" }) {
  const tenantId = context.db.tenantId;
  const values = { reference: account.reference, location: account.location, enabled: account.enabled, data: account.data as PrismaNamespace.InputJsonValue, managedBy: account.managedBy, deletedAt: null };
  return (tx: TransactionClient) =>
    tx.targetAccount
      .upsert({
        where: { targetSystemId_personId: { targetSystemId: context.system.id, personId: person.personId } },
        create: { tenantId, targetSystemId: context.system.id, personId: person.personId, ...values },
        update: values,
      })
      .then(() => undefined);
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
