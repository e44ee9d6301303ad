import { generatePassword } from "@idlife/core";
import type { TargetAccount } from "@idlife/connectors";
import { claimValue, correlate, planAccountAction, releaseUnchosen, reserveValues, type PersonForTarget } from "@idlife/use-cases";
import { auditValues, describeAccounts, saveAccount, storedData } from "./account-records.ts";
import type { ClaimedAction } from "./claim-target-actions.ts";
import { valueKey, withPreclaimReleased } from "./preclaim-unique-values.ts";
import { failed, type ActionOutcome, type TargetRunContext } from "./target-run-context.ts";

/** A value another person reserved while this one was planned: plan again, at most this often. */
const MAX_RESERVATION_ROUNDS = 3;

const tookOver = (context: TargetRunContext, person: PersonForTarget, account: TargetAccount, managedBy: "created" | "correlated", message: string): ActionOutcome => ({
  state: "succeeded",
  result: { message, reference: account.reference, location: account.location ?? null, [managedBy === "correlated" ? "correlated" : "alreadyExists"]: true },
  audit: { action: "create_account", state: managedBy === "correlated" ? "success" : "warning", message, after: { reference: account.reference, location: account.location ?? null } },
  account: saveAccount(person, { reference: account.reference, location: account.location ?? null, enabled: account.enabled, data: storedData(context.system.fieldMapping.filter((field) => field.store !== false).map((field) => field.attribute), person.account?.data ?? {}, {}, account.data), managedBy }),
});

/**
 * A create whose earlier attempt may have reached the target (its worker died, or it was retried):
 * the account is looked up by the stored reference, the correlation attribute, then the unique
 * values reserved for the person, so a retry records "already exists" instead of a second account.
 */
async function findEarlierCreate(context: TargetRunContext, person: PersonForTarget): Promise<TargetAccount | null> {
  const { session, system } = context;
  if (person.account?.reference) {
    const found = await session.getAccount(person.account.reference);
    if (found) return found;
  }
  if (system.correlation) {
    const { matches } = await correlate(session, system, person);
    if (matches.length === 1) return matches[0]!;
  }
  const reserved = await context.db.run((tx) => tx.targetReservedValue.findMany({ where: { tenantId: context.db.tenantId, targetSystemId: system.id, personId: person.personId } }));
  for (const { attribute, value } of reserved) {
    const matches = await session.findAccounts(attribute, value);
    if (matches.length === 1) return matches[0]!;
  }
  return null;
}

export async function runCreateAccount(context: TargetRunContext, action: ClaimedAction, person: PersonForTarget): Promise<ActionOutcome> {
  const early = await existingOrRefused(context, action, person);
  return early ? withPreclaimReleased(context, person, early) : createNew(context, action, person);
}

/** The create's outcome when nothing is to be created: the account exists, is taken over, or cannot be. */
async function existingOrRefused(context: TargetRunContext, action: ClaimedAction, person: PersonForTarget): Promise<ActionOutcome | null> {
  const { system, session } = context;
  const current = person.account && !person.account.deletedAt ? person.account : null;
  if (current?.reference && (await session.getAccount(current.reference))) {
    return { state: "skipped", result: { message: "The account already exists." }, audit: { action: "create_account", state: "skipped", message: "The account already exists." } };
  }
  if (action.outcomeUnknown) {
    const earlier = await findEarlierCreate(context, person);
    if (earlier) return tookOver(context, person, earlier, "created", "The account already exists (an earlier attempt created it); not created again.");
  }
  const correlation = await correlate(session, system, person);
  if (correlation.status === "several") {
    return failed("create_account", `${correlation.matches.length} accounts match ${system.correlation!.attribute} = ${correlation.value} (${describeAccounts(correlation.matches)}); none is taken over and nothing was created. Make the match unique in the target.`);
  }
  if (correlation.status === "match") return tookOver(context, person, correlation.matches[0]!, "correlated", `Correlated: took over the existing account ${correlation.matches[0]!.location ?? correlation.matches[0]!.reference} (${system.correlation!.attribute} = ${correlation.value}).`);
  if (correlation.status === "none" && system.correlation?.mode === "correlate-only") {
    return failed("create_account", correlation.value === null ? `The person has no value for ${system.correlation.personField}, so no account can be correlated (correlate only: nothing is created).` : `No account matches ${system.correlation.attribute} = ${correlation.value} (correlate only: nothing is created).`);
  }
  return null;
}

async function createNew(context: TargetRunContext, action: ClaimedAction, person: PersonForTarget): Promise<ActionOutcome> {
  const { system, session, connector } = context;
  const tenantId = context.db.tenantId;
  for (let round = 1; ; round++) {
    // Each candidate is claimed as it is checked (committed), so a create cut off by a crash can be found by its value.
    const claimed = new Set<string>();
    const preclaimed = context.preclaimed?.get(person.personId);
    const claim = async (attribute: string, value: string) => {
      const key = valueKey(attribute, value);
      const held = (round === 1 && preclaimed?.has(key)) || (await context.db.run((tx) => claimValue(tx, tenantId, system.id, person.personId, attribute, value)));
      if (held) claimed.add(key);
      return !held;
    };
    const plan = await planAccountAction({ system, person, action: "create", session, complex: context.complexFor?.(person, system), reservedForOthers: claim });
    const chosen = new Set(plan.uniqueValues.map(({ attribute, value }) => valueKey(attribute, value)));
    // Round trips only when needed: a candidate to give back (from this round, or maybe from an earlier attempt), a chosen value not claimed now.
    if (action.attempts > 1 || round > 1 || [...claimed].some((key) => !chosen.has(key))) await context.db.run((tx) => releaseUnchosen(tx, tenantId, system.id, person.personId, plan.uniqueValues));
    if (plan.errors.length > 0) return failed("create_account", `The account was not created: ${plan.errors.join("; ")}`);
    const unclaimed = plan.uniqueValues.filter(({ attribute, value }) => !claimed.has(valueKey(attribute, value)));
    const lost = unclaimed.length === 0 ? [] : await context.db.run((tx) => reserveValues(tx, tenantId, system.id, person.personId, unclaimed));
    if (lost.length > 0) {
      if (round < MAX_RESERVATION_ROUNDS) continue;
      return failed("create_account", `Another person took the value of ${lost.join(", ")} at the same moment ${MAX_RESERVATION_ROUNDS} times; the action will succeed when retried.`);
    }
    const password = connector.capabilities.passwords && system.generatePassword ? generatePassword({ length: system.passwordLength }) : undefined;
    if (password) context.onPassword?.(person.personId, password);
    const created = await session.createAccount({ data: plan.attributes, ...(plan.container ? { container: plan.container } : {}), ...(password ? { password } : {}), enabled: false });
    const message = created.outcome === "already" ? "The account already existed in the target." : `Created ${created.account.location ?? created.account.reference}.`;
    return {
      state: "succeeded",
      result: { message, reference: created.account.reference, location: created.account.location ?? null, attributes: auditValues(plan.attributes), messages: created.messages },
      audit: { action: "create_account", state: "success", message: [message, ...created.messages].join(" "), before: null, after: { reference: created.account.reference, location: created.account.location ?? null, attributes: auditValues(plan.attributes) } },
      account: saveAccount(person, { reference: created.account.reference, location: created.account.location ?? null, enabled: created.account.enabled, data: storedData(plan.stored, {}, plan.attributes, created.account.data), managedBy: "created" }),
    };
  }
}

