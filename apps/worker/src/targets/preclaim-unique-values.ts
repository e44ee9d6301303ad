import { mapAccount, uniqueCandidates } from "@idlife/core";
import type { TargetSession } from "@idlife/connectors";
import type { PersonForTarget } from "@idlife/use-cases";
import type { ClaimedAction } from "./claim-target-actions.ts";
import type { ActionOutcome, TargetRunContext } from "./target-run-context.ts";

/** Attribute and value as one key. */
export const valueKey = (attribute: string, value: string) => JSON.stringify([attribute, value]);

/**
 * Claims the first candidate of every unique value (jdoe before jdoe2) for the batch's new
 * accounts in one committed statement before any of them is created, instead of one transaction
 * per person: values are still claimed before they are checked and sent, and persons of the same
 * batch still never share one (the loser of a value plans as before and claims its fallback).
 * Only fresh creates of plain field mappings take part: a retried create (its account may exist),
 * a person who has an account, and values computed by scripts go the one-by-one way.
 * Returns, per person, the values now held.
 */
export async function preclaimUniqueValues(context: TargetRunContext, actions: readonly ClaimedAction[], persons: ReadonlyMap<string, PersonForTarget>): Promise<Map<string, Set<string>>> {
  const rules = context.system.fieldMapping.filter((rule) => rule.unique && rule.kind !== "complex" && rule.actions.includes("create"));
  const wanted: Array<{ personId: string; attribute: string; value: string }> = [];
  if (rules.length === 0) return new Map();
  for (const action of actions) {
    const person = persons.get(action.personId ?? "");
    if (action.kind !== "create_account" || action.outcomeUnknown || action.attempts > 1 || !person || (person.account && !person.account.deletedAt)) continue;
    const mapped = await mapAccount(rules, "create", person.subject);
    for (const { attribute, rule } of mapped.unique) {
      try {
        wanted.push({ personId: person.personId, attribute, value: uniqueCandidates(mapped.attributes[attribute] as string, rule)[0]! });
      } catch {
        // A fallback template that does not work is reported by the person's own plan.
      }
    }
  }
  const held = new Map<string, Set<string>>();
  if (wanted.length === 0) return held;
  const { tenantId } = context.db;
  const systemId = context.system.id;
  const rows = await context.db.run(
    (tx) => tx.$queryRaw<Array<{ person_id: string; attribute: string; value: string }>>`
      WITH wanted AS (
        SELECT * FROM unnest(${wanted.map((want) => want.personId)}::uuid[], ${wanted.map((want) => want.attribute)}::text[], ${wanted.map((want) => want.value)}::text[]) AS wanted(person_id, attribute, value)
      ), inserted AS (
        INSERT INTO target_reserved_values (id, tenant_id, target_system_id, attribute, value, person_id, created_at)
        SELECT gen_random_uuid(), ${tenantId}::uuid, ${systemId}::uuid, attribute, value, person_id, now() FROM wanted
        ON CONFLICT (target_system_id, attribute, value) DO NOTHING
        RETURNING person_id, attribute, value
      )
      SELECT person_id::text, attribute, value FROM inserted
      UNION ALL
      SELECT reserved.person_id::text, reserved.attribute, reserved.value FROM target_reserved_values AS reserved
      JOIN wanted ON reserved.person_id = wanted.person_id AND reserved.attribute = wanted.attribute AND reserved.value = wanted.value
      WHERE reserved.tenant_id = ${tenantId}::uuid AND reserved.target_system_id = ${systemId}::uuid`,
  );
  for (const row of rows) held.set(row.person_id, (held.get(row.person_id) ?? new Set()).add(valueKey(row.attribute, row.value)));
  return held;
}

/**
 * Asks the target once per attribute which of the claimed values may be in use (when the connector
 * can ask for many at once); the others are known to be free when the run starts, so each
 * person's plan need not ask again. Returns the free ones as value keys.
 */
export async function valuesFreeInTarget(context: TargetRunContext, held: ReadonlyMap<string, ReadonlySet<string>>): Promise<Set<string>> {
  const free = new Set<string>();
  if (!context.session.valuesMaybeInUse) return free;
  const byAttribute = new Map<string, string[]>();
  for (const keys of held.values()) {
    for (const key of keys) {
      const [attribute, value] = JSON.parse(key) as [string, string];
      byAttribute.set(attribute, [...(byAttribute.get(attribute) ?? []), value]);
    }
  }
  for (const [attribute, values] of byAttribute) {
    const maybe = await context.session.valuesMaybeInUse(attribute, values);
    for (const value of values) if (!maybe.has(value)) free.add(valueKey(attribute, value));
  }
  return free;
}

/** The session as a lane's plans see it: a value known to be free is answered without asking (once). */
export function withKnownFree(session: TargetSession, free: Set<string>): TargetSession {
  const valueInUse: TargetSession["valueInUse"] = async (attribute, value, exceptReference) => {
    if (exceptReference === undefined && free.delete(valueKey(attribute, value))) return false;
    return session.valueInUse(attribute, value, exceptReference);
  };
  return new Proxy(session, {
    get(target, property) {
      if (property === "valueInUse") return valueInUse;
      const member: unknown = Reflect.get(target, property);
      return typeof member === "function" ? member.bind(target) : member;
    },
  });
}

/** An outcome that creates nothing (skipped, taken over, refused) gives the person's preclaimed values back with it. */
export function withPreclaimReleased(context: TargetRunContext, person: PersonForTarget, outcome: ActionOutcome): ActionOutcome {
  const held = context.preclaimed?.get(person.personId);
  if (outcome.state === "deferred" || !held || held.size === 0) return outcome;
  const values = [...held].map((key) => JSON.parse(key) as [string, string]);
  const earlier = outcome.effects;
  return {
    ...outcome,
    effects: async (tx) => {
      await earlier?.(tx);
      await tx.targetReservedValue.deleteMany({
        where: { tenantId: context.db.tenantId, targetSystemId: context.system.id, personId: person.personId, OR: values.map(([attribute, value]) => ({ attribute, value })) },
      });
    },
  };
}
