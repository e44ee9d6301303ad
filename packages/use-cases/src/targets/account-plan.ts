import { accountChanges, firstFreeValue, mapAccount, mapContainer, uniqueCandidates, type ComplexEvaluator } from "@idlife/core";
import type { AccountData, TargetSession } from "@idlife/connectors";
import type { AccountAction } from "@idlife/contracts";
import type { PersonForTarget } from "./person-subject.ts";
import type { EngineTargetSystem } from "./target-system-runtime.ts";

export interface AccountPlanInput {
  system: EngineTargetSystem;
  person: PersonForTarget;
  action: AccountAction;
  session: TargetSession;
  /** Whether the value is reserved for another person of this system (TargetReservedValue). */
  reservedForOthers: (attribute: string, value: string) => Promise<boolean>;
  complex?: ComplexEvaluator;
}

export interface AccountPlan {
  /** What the action sends: everything mapped for create; only what differs for update. */
  attributes: AccountData;
  /** Everything the mapping gives for this action (unique values resolved). */
  desired: AccountData;
  /** The container to create in or move to (null: none, or unchanged on update). */
  container: string | null;
  changes: Map<string, { from: unknown; to: unknown }>;
  /** Unique values chosen for the person (to reserve). */
  uniqueValues: Array<{ attribute: string; value: string }>;
  /** Attributes kept in the stored account data. */
  stored: string[];
  errors: string[];
}

/**
 * What one account action would send for a person: the mapped attributes, unique values
 * resolved against the target (valueInUse) and other persons' reservations, the container, and
 * for update only what differs from the stored account data. Read-only: the preview and the
 * runner both compute the action through this, the runner then applies it.
 */
export async function planAccountAction(input: AccountPlanInput): Promise<AccountPlan> {
  const { system, person, action, session } = input;
  const mapped = await mapAccount(system.fieldMapping, action, person.subject, input.complex);
  const errors = [...mapped.errors];
  const desired: AccountData = { ...mapped.attributes };
  const uniqueValues: AccountPlan["uniqueValues"] = [];
  const ownReference = person.account?.deletedAt ? undefined : (person.account?.reference ?? undefined);
  for (const { attribute, rule } of mapped.unique) {
    const base = desired[attribute] as string;
    try {
      const candidates = uniqueCandidates(base, rule);
      const storedValue = person.account?.data[attribute];
      // An account keeps the fallback it got (jdoe2 stays jdoe2 while jdoe is free again).
      const value =
        action !== "create" && typeof storedValue === "string" && candidates.includes(storedValue)
          ? storedValue
          : await firstFreeValue(attribute, candidates, async (candidate) => (await input.reservedForOthers(attribute, candidate)) || (await session.valueInUse(attribute, candidate, ownReference)));
      desired[attribute] = value;
      uniqueValues.push({ attribute, value });
    } catch (error) {
      errors.push(error instanceof Error && error.message.startsWith(`${attribute}:`) ? error.message : `${attribute}: ${error instanceof Error ? error.message : String(error)}`);
      delete desired[attribute];
    }
  }
  let container: string | null = null;
  if (action === "create" || action === "update") {
    try {
      container = await mapContainer(system.container, person.subject, input.complex);
    } catch (error) {
      errors.push(error instanceof Error ? error.message : String(error));
    }
  }
  if (action === "create" || action === "delete") return { attributes: desired, desired, container, changes: new Map(), uniqueValues, stored: mapped.stored, errors };
  // Update, enable, disable: only what differs from the stored account data.
  const changes: AccountPlan["changes"] = accountChanges(desired, person.account?.data ?? {});
  const attributes: AccountData = {};
  for (const [attribute, change] of changes) attributes[attribute] = change.to as AccountData[string];
  const moved = action === "update" && container !== null && !sameContainer(container, parentOf(person.account?.location ?? null));
  if (moved) changes.set("container", { from: parentOf(person.account?.location ?? null), to: container });
  return { attributes, desired, container: moved ? container : null, changes, uniqueValues, stored: mapped.stored, errors };
}

/** The parent of an LDAP DN (its container), splitting at the first comma that is not escaped. */
export function parentOf(location: string | null): string | null {
  if (!location) return null;
  const match = /^(?:[^,\\]|\\.)*,(.*)$/s.exec(location);
  return match ? match[1]!.trim() : null;
}

const normalDn = (dn: string) => dn.split(/,(?<!\\,)/).map((part) => part.trim().toLowerCase()).join(",");
const sameContainer = (left: string, right: string | null) => right !== null && normalDn(left) === normalDn(right);
