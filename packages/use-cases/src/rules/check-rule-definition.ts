import type { z } from "zod";
import { ruleDefinitionSchema } from "@idlife/contracts";
import { checkCondition, permissionNamePlaceholders, resolveConditionField } from "@idlife/core";
import type { TransactionClient } from "@idlife/db";
import { badRequest } from "../use-case-error.ts";

export type RuleDefinition = z.output<typeof ruleDefinitionSchema>;

/**
 * Refuses, with every reason, a rule that names a field that does not exist, compares a date with
 * text, or grants an entitlement of a system (or permission) that is gone; nothing is saved.
 */
export async function checkRuleDefinition(tx: TransactionClient, tenantId: string, definition: RuleDefinition): Promise<void> {
  const problems = checkCondition(definition.condition).map((problem) => `condition${problem.path ? `.${problem.path}` : ""}: ${problem.message}`);
  const systemIds = [...new Set(definition.entitlements.map((entitlement) => entitlement.targetSystemId))];
  const systems = await tx.targetSystem.findMany({ where: { tenantId, id: { in: systemIds } }, select: { id: true, connectorType: true } });
  const known = new Set(systems.map((system) => system.id));
  const permissionIds = definition.entitlements.flatMap((entitlement) => (entitlement.kind === "permission" ? [entitlement.permissionId] : []));
  const permissions = await tx.targetPermission.findMany({ where: { tenantId, id: { in: permissionIds }, goneAt: null }, select: { id: true, targetSystemId: true } });
  const permissionSystem = new Map(permissions.map((permission) => [permission.id, permission.targetSystemId]));
  definition.entitlements.forEach((entitlement, index) => {
    const where = `entitlements.${index}`;
    if (!known.has(entitlement.targetSystemId)) {
      problems.push(`${where}: the target system ${entitlement.targetSystemId} does not exist (any more)`);
      return;
    }
    if (entitlement.kind === "permission" && permissionSystem.get(entitlement.permissionId) !== entitlement.targetSystemId) {
      problems.push(`${where}: the permission ${entitlement.permissionId} does not exist in that target system (refresh its permissions, or choose another)`);
    }
    if (entitlement.kind === "dynamic-permission") {
      const placeholders = permissionNamePlaceholders(entitlement.nameTemplate);
      if (placeholders.length === 0) problems.push(`${where}: the name template names no contract field in braces, e.g. school-{Contract.Location.ExternalId}-staff`);
      for (const field of placeholders) {
        const resolved = resolveConditionField(field);
        if (!resolved || resolved.on !== "contract") problems.push(`${where}: {${field}} is not a contract field (write Contract.Location.ExternalId, Contract.Department.ExternalId, ...)`);
      }
    }
  });
  if (problems.length > 0) throw badRequest("invalid_rule", `The rule cannot be saved: ${problems.join("; ")}`, { problems });
}
