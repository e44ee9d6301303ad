import { planAccountAction, reservedForOthers, type PersonForTarget } from "@idlife/use-cases";
import { auditValues, saveAccount, storedData } from "./account-records.ts";
import type { ClaimedAction } from "./claim-target-actions.ts";
import { failed, type ActionOutcome, type TargetRunContext } from "./target-run-context.ts";

type ChangeKind = "update" | "enable" | "disable";

/**
 * Update, enable and disable: the mapped attributes of the action that differ from the stored
 * account data (and a move when the container changed), then for enable/disable the access flag.
 */
export async function runChangeAccount(context: TargetRunContext, action: ClaimedAction, person: PersonForTarget): Promise<ActionOutcome> {
  const kind = action.kind.replace("_account", "") as ChangeKind;
  const auditAction = action.kind;
  const { system, session } = context;
  const account = person.account && !person.account.deletedAt ? person.account : null;
  if (!account?.reference) return failed(auditAction, `The person has no account in '${system.name}'; create it first.`);
  const plan = await planAccountAction({
    system,
    person,
    action: kind,
    session,
    complex: context.complexFor?.(person, system),
    reservedForOthers: (attribute, value) => context.db.run((tx) => reservedForOthers(tx, context.db.tenantId, system.id, person.personId, attribute, value)),
  });
  if (plan.errors.length > 0) return failed(auditAction, `Nothing was changed: ${plan.errors.join("; ")}`);
  const changed = plan.attributes;
  const messages: string[] = [];
  let location = account.location;
  if (Object.keys(changed).length > 0 || plan.container) {
    const result = await session.updateAccount(account.reference, { changes: changed, ...(plan.container ? { container: plan.container } : {}) });
    messages.push(...result.messages);
    location = result.account?.location ?? (plan.container ? ((await session.getAccount(account.reference))?.location ?? location) : location);
  }
  let enabled = account.enabled;
  if (kind !== "update") {
    const result = await session.setAccountEnabled(account.reference, kind === "enable");
    enabled = kind === "enable";
    messages.push(result.outcome === "already" ? `The account was already ${kind}d.` : `Account ${kind}d.`, ...result.messages);
  }
  const before = Object.fromEntries([...plan.changes].map(([attribute, change]) => [attribute, change.from]));
  const after = Object.fromEntries([...plan.changes].map(([attribute, change]) => [attribute, change.to]));
  if (kind === "update" && plan.changes.size === 0) {
    return { state: "succeeded", result: { message: "Nothing to change: the account matches the mapping." }, audit: { action: auditAction, state: "skipped", message: "Nothing to change: the account matches the mapping." } };
  }
  if (kind === "update") messages.unshift(`Updated ${[...plan.changes.keys()].join(", ")}.`);
  const message = messages.join(" ");
  return {
    state: "succeeded",
    result: { message, changes: auditValues(Object.fromEntries(plan.changes)) },
    audit: { action: auditAction, state: "success", message, before: { ...auditValues(before), ...(kind === "update" ? {} : { enabled: account.enabled }) }, after: { ...auditValues(after), ...(kind === "update" ? {} : { enabled }), ...(location !== account.location ? { location } : {}) } },
    account: saveAccount(person, { reference: account.reference, location, enabled, managedBy: account.managedBy, data: storedData(plan.stored, account.data, changed, undefined) }),
  };
}

/** Deletes the account; its entitlements and reserved values go with it (the names are free again). */
export async function runDeleteAccount(context: TargetRunContext, action: ClaimedAction, person: PersonForTarget): Promise<ActionOutcome> {
  const { system, session } = context;
  const tenantId = context.db.tenantId;
  const account = person.account && !person.account.deletedAt ? person.account : null;
  if (!account?.reference) return { state: "skipped", result: { message: "There is no account to delete." }, audit: { action: "delete_account", state: "skipped", message: "There is no account to delete." } };
  const result = await session.deleteAccount(account.reference);
  const message = [result.outcome === "already" ? "The account was already gone." : `Deleted ${account.location ?? account.reference}.`, ...result.messages].join(" ");
  return {
    state: "succeeded",
    result: { message },
    audit: { action: "delete_account", state: "success", message, before: { reference: account.reference, location: account.location, attributes: auditValues(account.data) }, after: null },
    effects: async (tx) => {
      await tx.targetAccount.updateMany({ where: { tenantId, id: account.id }, data: { deletedAt: new Date(), enabled: false } });
      await tx.entitlement.deleteMany({ where: { tenantId, targetSystemId: system.id, personId: person.personId } });
      await tx.targetReservedValue.deleteMany({ where: { tenantId, targetSystemId: system.id, personId: person.personId } });
    },
  };
}
