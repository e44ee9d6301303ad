import type { z } from "zod";
import { createTargetSystemRequestSchema } from "@idlife/contracts";
import { PrismaNamespace, recordAudit } from "@idlife/db";
import { newConnection } from "../stored-connection.ts";
import { parseInput } from "../tenant-scope.ts";
import { nameTaken } from "../use-case-error.ts";
import { checkTargetMapping, refuseAccountDataCycle } from "./target-field-mapping-checks.ts";
import { checkTargetSecrets, prepareTargetSettings, targetAuditSecretPaths } from "./target-system-settings.ts";
import { toTargetSystemResponse, type TargetSystemDeps } from "./target-system-view.ts";

/** Connects a target system: settings checked against the connector, secrets encrypted and kept out of the audit, mapping checked. */
export async function createTargetSystem(deps: TargetSystemDeps, input: z.input<typeof createTargetSystemRequestSchema>) {
  const body = parseInput(createTargetSystemRequestSchema, input);
  const { tenantId } = deps.db;
  checkTargetSecrets(body.connectorType, body.secrets);
  const prepared = prepareTargetSettings(body.connectorType, body.settings, body.secrets ?? {});
  const mapping = { fieldMapping: body.fieldMapping, correlation: body.correlation ?? null, container: body.container ?? null };
  const uses = await checkTargetMapping(mapping, deps.checkScript);
  return deps.db.run(async (tx) => {
    if (await tx.targetSystem.findFirst({ where: { tenantId, name: body.name } })) throw nameTaken("target system", body.name);
    // A new system has no id yet, so nothing can use its data: only unknown systems are refused here.
    await refuseAccountDataCycle(tx, tenantId, { id: null, name: body.name }, uses);
    const row = await tx.targetSystem.create({
      data: {
        ...newConnection(tenantId, body, prepared, deps.secretsKey),
        fieldMapping: mapping.fieldMapping as object[],
        correlation: mapping.correlation ?? PrismaNamespace.DbNull,
        container: mapping.container ?? PrismaNamespace.DbNull,
        passwordPolicy: body.passwordPolicy ?? {},
        usesAccountDataFrom: uses,
        concurrency: body.concurrency,
        ratePerSecond: body.ratePerSecond ?? null,
        thresholds: body.thresholds ?? {},
        enabled: body.enabled ?? true,
      },
    });
    const response = toTargetSystemResponse(row, deps.secretsKey);
    await recordAudit(tx, { tenantId, action: "target_system.create", targetType: "target_system", targetId: row.id, after: response, secretPaths: targetAuditSecretPaths(body.connectorType) });
    return response;
  });
}
