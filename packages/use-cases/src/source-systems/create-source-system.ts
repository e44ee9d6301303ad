import type { z } from "zod";
import { createSourceSystemRequestSchema } from "@idlife/contracts";
import { encryptSecrets, recordAudit } from "@idlife/db";
import { parseInput } from "../tenant-scope.ts";
import { conflict } from "../use-case-error.ts";
import { auditSecretPaths, checkRequestSecrets, prepareConnectorSettings, validateMapping, validateSchedule } from "./connector-settings.ts";
import { nameTaken, type SourceSystemDeps } from "./source-system-deps.ts";
import { toSourceSystemResponse } from "./source-system-view.ts";

/** Connects a source system: settings checked, secrets encrypted and kept out of the audit. */
export async function createSourceSystem(deps: Omit<SourceSystemDeps, "jobs">, input: z.input<typeof createSourceSystemRequestSchema>) {
  const body = parseInput(createSourceSystemRequestSchema, input);
  const { tenantId } = deps.db;
  checkRequestSecrets(body.connectorType, body.secrets);
  const { settings, secrets } = prepareConnectorSettings(body.connectorType, body.settings, body.secrets ?? {});
  return deps.db.run(async (tx) => {
    if (await tx.sourceSystem.findFirst({ where: { tenantId, name: body.name } })) throw conflict("name_taken", nameTaken(body.name));
    const row = await tx.sourceSystem.create({
      data: {
        tenantId,
        name: body.name,
        connectorType: body.connectorType,
        settings: settings as object,
        secrets: Object.keys(secrets).length > 0 ? encryptSecrets(secrets, deps.secretsKey) : null,
        ...(body.mapping ? { mapping: validateMapping(body.mapping) as object } : {}),
        ...(body.thresholds ? { thresholds: body.thresholds } : {}),
        ...(body.schedule ? { schedule: validateSchedule(body.schedule) as object } : {}),
        enabled: body.enabled ?? true,
      },
    });
    const response = toSourceSystemResponse(row, deps.secretsKey);
    await recordAudit(tx, { tenantId, action: "source_system.create", targetType: "source_system", targetId: row.id, after: response, secretPaths: auditSecretPaths(body.connectorType) });
    return response;
  });
}
