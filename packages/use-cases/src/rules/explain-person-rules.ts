import { explainScope } from "@idlife/core";
import type { TenantScope } from "../tenant-scope.ts";
import { notFound } from "../use-case-error.ts";
import { loadRules } from "./load-rules.ts";
import { loadEvaluatedPersons } from "./person-entitlements.ts";
import { tenantToday } from "./start-evaluation.ts";

/**
 * "Why does this person have X, and why not Y": per published rule, in scope or not through which
 * contract, the conditions that failed (with the person's actual values) and what the rule grants.
 */
export async function explainPersonRules(deps: { db: TenantScope }, input: { personId: string; today?: string }) {
  const { db } = deps;
  const { tenantId } = db;
  return db.run(async (tx) => {
    const [person] = await loadEvaluatedPersons(tx, tenantId, { ids: [input.personId] });
    if (!person) throw notFound("Person");
    const today = input.today ?? (await tenantToday(tx, tenantId));
    const { rules } = await loadRules(tx, tenantId);
    return {
      personId: person.id,
      today,
      excluded: person.excluded,
      held: person.held,
      rules: rules.map(({ definition }) => {
        const contracts = explainScope(definition.condition, person.person, today, definition.contractScope, person.primaryContractId);
        return {
          ruleId: definition.id,
          ruleName: definition.name,
          inScope: contracts.some((contract) => contract.inScope),
          contracts: contracts.map((contract) => ({ contract: contract.contract, inScope: contract.inScope, failed: contract.failed.map(({ path, text, actual }) => ({ path, text, actual })) })),
          entitlements: definition.entitlements.map((entitlement) => ({ ...entitlement })),
        };
      }),
    };
  });
}
