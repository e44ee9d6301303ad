import { z } from "zod";
import type { ComplexEvaluator } from "@idlife/core";
import { accountActionSchema, type AccountAction, type AccountPreview } from "@idlife/contracts";
import type { TargetAccount, TargetSession } from "@idlife/connectors";
import { parseInput, type TenantScope } from "../tenant-scope.ts";
import { planAccountAction } from "./account-plan.ts";
import { readField } from "@idlife/core";
import { loadPersonForTarget, type PersonForTarget } from "./person-subject.ts";
import { compileComplexMappings } from "./complex-mappings.ts";
import { reservedForOthers } from "./reserved-values.ts";
import { loadTargetSystem, openTargetSession, type EngineTargetSystem } from "./target-system-runtime.ts";

const previewInput = z.strictObject({ targetSystemId: z.uuid(), personId: z.uuid(), action: accountActionSchema.optional() });

export interface PreviewAccountDeps {
  db: TenantScope;
  secretsKey: Buffer;
  /** HTTP for SCIM and other HTTP connectors (the API passes connectorFetch: private networks refused unless allowed). */
  fetch?: typeof fetch;
  /** Runs complex mappings; by default compiled for the system in the tenant's sandbox process. */
  complexFor?: (person: PersonForTarget, system: EngineTargetSystem) => ComplexEvaluator;
}

/** Correlation of a person with the target's accounts (preview and runner alike). */
export async function correlate(session: TargetSession, system: EngineTargetSystem, person: PersonForTarget): Promise<{ status: "none" | "match" | "several" | "not-configured"; matches: TargetAccount[]; value: string | null }> {
  if (!system.correlation) return { status: "not-configured", matches: [], value: null };
  const value = readField(person.subject, system.correlation.personField);
  if (value === undefined || value === null || value === "") return { status: "none", matches: [], value: null };
  const matches = await session.findAccounts(system.correlation.attribute, String(value));
  return { status: matches.length === 0 ? "none" : matches.length === 1 ? "match" : "several", matches, value: String(value) };
}

/**
 * What each account action would send for a chosen person, and the account it would correlate
 * with: computed in a "plan" session, which refuses every write (the refused ones are listed).
 * Reserves nothing and changes nothing, in the platform or in the target.
 */
export async function previewAccount(deps: PreviewAccountDeps, input: { targetSystemId: string; personId: string; action?: AccountAction }): Promise<AccountPreview> {
  const { targetSystemId, personId, action } = parseInput(previewInput, input);
  const tenantId = deps.db.tenantId;
  const { system, person } = await deps.db.run(async (tx) => ({
    system: await loadTargetSystem(tx, tenantId, targetSystemId),
    person: await loadPersonForTarget(tx, tenantId, personId, targetSystemId),
  }));
  const refusedWrites: string[] = [];
  const { session } = await openTargetSession(system, deps.secretsKey, "plan", (write) => refusedWrites.push(write.description), deps.fetch);
  const compiled = deps.complexFor ? undefined : await compileComplexMappings(system).catch(async (error: unknown) => {
    await session.close();
    throw error;
  });
  try {
    const managed = person.account && !person.account.deletedAt ? person.account : null;
    let correlation: AccountPreview["correlation"];
    if (managed) {
      correlation = { status: "managed", account: managed.reference ? { reference: managed.reference, location: managed.location, data: managed.data } : null, matches: 1 };
    } else {
      const found = await correlate(session, system, person);
      const only = found.matches.length === 1 ? found.matches[0]! : null;
      correlation = { status: found.status, account: only ? { reference: only.reference, location: only.location ?? null, data: only.data } : null, matches: found.matches.length };
    }
    const actions: AccountAction[] = action ? [action] : managed ? ["update", "enable", "disable", "delete"] : ["create"];
    const complex = (deps.complexFor ?? compiled?.complexFor)?.(person, system);
    const preview: AccountPreview["actions"] = [];
    for (const each of actions) {
      const plan = await planAccountAction({ system, person, action: each, session, complex, reservedForOthers: (attribute, value) => deps.db.run((tx) => reservedForOthers(tx, tenantId, targetSystemId, personId, attribute, value)) });
      const errors = [...plan.errors];
      if (each === "create" && correlation.status === "several") errors.push(`${correlation.matches} accounts match the correlation; none is taken over and nothing is created until only one matches.`);
      preview.push({
        action: each,
        attributes: plan.attributes,
        container: plan.container,
        ...(each === "update" ? { changes: Object.fromEntries(plan.changes) as Record<string, { from: unknown; to: unknown }> } : {}),
        errors,
      });
    }
    return { targetSystemId, personId, correlation, actions: preview, refusedWrites };
  } finally {
    compiled?.dispose();
    await session.close();
  }
}
