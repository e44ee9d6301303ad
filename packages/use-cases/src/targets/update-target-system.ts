import { z } from "zod";
import { updateTargetSystemRequestSchema, type TargetSystemView } from "@idlife/contracts";
import { decryptSecrets, PrismaNamespace, recordAudit } from "@idlife/db";
import { storedConnection } from "../stored-connection.ts";
import { parseInput } from "../tenant-scope.ts";
import { nameTaken } from "../use-case-error.ts";
import { checkTargetMapping, refuseAccountDataCycle } from "./target-field-mapping-checks.ts";
import { checkTargetSecrets, connectorForType, mergeSecretChanges, prepareTargetSettings, readSetting, refuseUnconfirmedTargetSecrets, targetAuditSecretPaths } from "./target-system-settings.ts";
import { findTargetSystem, toTargetSystemResponse, type TargetSystemDeps } from "./target-system-view.ts";

export const updateTargetSystemInput = z.strictObject({ targetSystemId: z.uuid(), changes: updateTargetSystemRequestSchema });

/** Changes a target system; a refused change (bad settings, a cycle of account data) changes nothing. */
export async function updateTargetSystem(deps: TargetSystemDeps, input: z.input<typeof updateTargetSystemInput>): Promise<TargetSystemView> {
  const { targetSystemId, changes: body } = parseInput(updateTargetSystemInput, input);
  const { tenantId } = deps.db;
  const current = await deps.db.run((tx) => findTargetSystem(tx, tenantId, targetSystemId));
  const before = toTargetSystemResponse(current, deps.secretsKey);
  const mapping = {
    fieldMapping: body.fieldMapping ?? before.fieldMapping,
    correlation: body.correlation === undefined ? before.correlation : body.correlation,
    container: body.container === undefined ? before.container : body.container,
  };
  // Scripts compile outside the transaction: the sandbox takes a moment.
  const uses = await checkTargetMapping(mapping, deps.checkScript);
  return deps.db.run(async (tx) => {
    const row = await findTargetSystem(tx, tenantId, targetSystemId);
    checkTargetSecrets(row.connectorType, body.secrets);
    const stored = decryptSecrets(row.secrets, deps.secretsKey);
    if (body.settings) {
      // A secret typed into the new settings (password in the settings) counts as given again.
      const typed = connectorForType(row.connectorType).secretFields.filter((path) => readSetting(body.settings!, path) !== undefined);
      refuseUnconfirmedTargetSecrets(row.settings, body.settings, Object.keys(stored), [...Object.keys(body.secrets ?? {}), ...typed]);
    }
    const merged = mergeSecretChanges(stored, body.secrets ?? {});
    const prepared = prepareTargetSettings(row.connectorType, (body.settings ?? row.settings) as Record<string, unknown>, merged);
    const name = body.name ?? row.name;
    if (name !== row.name && (await tx.targetSystem.findFirst({ where: { tenantId, name } }))) throw nameTaken("target system", name);
    await refuseAccountDataCycle(tx, tenantId, { id: row.id, name }, uses);
    const updated = await tx.targetSystem.update({
      where: { id: row.id },
      data: {
        name,
        ...storedConnection(prepared, deps.secretsKey),
        fieldMapping: mapping.fieldMapping as object[],
        correlation: mapping.correlation ?? PrismaNamespace.DbNull,
        container: mapping.container ?? PrismaNamespace.DbNull,
        usesAccountDataFrom: uses,
        ...(body.passwordPolicy ? { passwordPolicy: body.passwordPolicy } : {}),
        ...(body.concurrency !== undefined ? { concurrency: body.concurrency } : {}),
        ...(body.ratePerSecond !== undefined ? { ratePerSecond: body.ratePerSecond } : {}),
        ...(body.thresholds !== undefined ? { thresholds: body.thresholds } : {}),
        ...(body.enabled !== undefined ? { enabled: body.enabled } : {}),
      },
    });
    const after = toTargetSystemResponse(updated, deps.secretsKey);
    await recordAudit(tx, { tenantId, action: "target_system.update", targetType: "target_system", targetId: row.id, before, after, secretPaths: targetAuditSecretPaths(row.connectorType) });
    return after;
  });
}
