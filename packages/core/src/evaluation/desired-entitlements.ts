import type { IsoDate } from "../persons/iso-date.ts";
import type { Contract, Person } from "../persons/person-model.ts";
import { compileCondition, decideScope, type ConditionTest } from "../rules/evaluate-condition.ts";
import { DEFAULT_TIMING, type BusinessRuleDefinition, type LifecycleTiming, type RuleEntitlement } from "./business-rule.ts";
import { lifecycleStage } from "./lifecycle-window.ts";
import { fillPermissionName } from "./permission-name.ts";

export type EntitlementType = "account" | "access" | "permission";

/** Why a person should have an entitlement: the rule, and the contracts that put them in its scope. */
export interface EntitlementReason {
  ruleId: string;
  ruleName: string;
  contracts: string[];
}

export interface DesiredPermission {
  /** A static permission's id. */
  id?: string;
  /** A dynamic permission's name, filled from the contract. */
  name?: string;
  /** Create it in the target when it does not exist. */
  create?: boolean;
}

export interface DesiredEntitlement {
  /** One per person: "<system>|account", "<system>|access", "<system>|permission|id:<id>" or "|name:<lower-case name>". */
  key: string;
  type: EntitlementType;
  targetSystemId: string;
  permission?: DesiredPermission;
  reasons: EntitlementReason[];
}

export interface CompiledRule {
  definition: BusinessRuleDefinition;
  test: ConditionTest;
}

/** Compiles every rule's condition once for an evaluation on `today`. */
export function compileRules(rules: readonly BusinessRuleDefinition[], today: IsoDate): CompiledRule[] {
  return rules.map((definition) => ({ definition, test: compileCondition(definition.condition, today) }));
}

export const permissionKey = (targetSystemId: string, permission: DesiredPermission) =>
  `${targetSystemId}|permission|${permission.id !== undefined ? `id:${permission.id}` : `name:${permission.name!.toLowerCase()}`}`;

export interface RuleScope {
  ruleId: string;
  inScope: boolean;
  contracts: string[];
}

export interface PersonDesiredState {
  rules: RuleScope[];
  desired: Map<string, DesiredEntitlement>;
  /** Dynamic permission names that could not be filled (a field of the contract is empty). */
  problems: string[];
}

export interface DesiredStateOptions {
  today: IsoDate;
  primaryContractId?: string | null;
  /** Timing per target system (a rule's own timing overrides it). */
  systemTiming?: ReadonlyMap<string, LifecycleTiming>;
}

/**
 * The entitlements a person should have today under the rules, each with the rules behind it.
 * Access and permissions imply the account (the account must exist before either is granted).
 */
export function desiredState(person: Person, rules: readonly CompiledRule[], options: DesiredStateOptions): PersonDesiredState {
  const desired = new Map<string, DesiredEntitlement>();
  const scopes: RuleScope[] = [];
  const problems: string[] = [];
  const add = (key: string, type: EntitlementType, targetSystemId: string, reason: EntitlementReason, permission?: DesiredPermission) => {
    const existing = desired.get(key);
    if (existing) existing.reasons.push(reason);
    else desired.set(key, { key, type, targetSystemId, ...(permission ? { permission } : {}), reasons: [reason] });
  };
  for (const rule of rules) {
    const { definition } = rule;
    const scope = decideScope(rule.test, person, definition.contractScope, options.primaryContractId);
    scopes.push({ ruleId: definition.id, inScope: scope.inScope, contracts: scope.contracts });
    if (!scope.inScope) continue;
    const matching = (person.Contracts ?? []).filter((contract) => scope.contracts.includes(contract.ExternalId));
    const reason: EntitlementReason = { ruleId: definition.id, ruleName: definition.name, contracts: scope.contracts };
    for (const entitlement of definition.entitlements) {
      const timing = { ...(options.systemTiming?.get(entitlement.targetSystemId) ?? DEFAULT_TIMING), ...definition.timing };
      grantStage(entitlement, matching, timing, options.today, reason, add, problems);
    }
  }
  return { rules: scopes, desired, problems };
}

type Add = (key: string, type: EntitlementType, targetSystemId: string, reason: EntitlementReason, permission?: DesiredPermission) => void;

function grantStage(entitlement: RuleEntitlement, matching: Contract[], timing: LifecycleTiming, today: IsoDate, reason: EntitlementReason, add: Add, problems: string[]) {
  const system = entitlement.targetSystemId;
  const stage = lifecycleStage(matching, timing, today);
  if (stage.account) add(`${system}|account`, "account", system, reason);
  if (entitlement.kind === "account" || !stage.access) return;
  if (entitlement.kind === "access") {
    add(`${system}|access`, "access", system, reason);
    return;
  }
  if (entitlement.kind === "permission") {
    const permission = { id: entitlement.permissionId };
    add(permissionKey(system, permission), "permission", system, reason, permission);
    return;
  }
  // Dynamic: a permission per matching contract that is itself in its access window.
  const contracts = matching.length > 0 ? matching : [undefined];
  for (const contract of contracts) {
    if (contract && !lifecycleStage([contract], timing, today).access) continue;
    const filled = fillPermissionName(entitlement.nameTemplate, contract);
    if (!filled.ok) {
      problems.push(`rule '${reason.ruleName}': ${filled.message}`);
      continue;
    }
    const permission = { name: filled.name, create: entitlement.create };
    add(permissionKey(system, permission), "permission", system, { ...reason, contracts: contract ? [contract.ExternalId] : [] }, permission);
  }
}
