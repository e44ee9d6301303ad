import type { z } from "zod";
import { createSourceSystemRequestSchema } from "@idlife/contracts";
import { recordAudit } from "@idlife/db";
import { newConnection } from "../stored-connection.ts";
import { parseInput } from "../tenant-scope.ts";
import { nameTaken } from "../use-case-error.ts";
import { auditSecretPaths, checkRequestSecrets, prepareConnectorSettings, validateMapping, validateSchedule } from "./connector-settings.ts";
import type { SourceSystemDeps } from "./source-system-deps.ts";
import { toSourceSystemResponse } from "./source-system-view.ts";

/** Connects a source system: settings checked, secrets encrypted and kept out of the audit. */
export async function createSourceSystem(deps: Omit<SourceSystemDeps, "jobs">, input: z.input<typeof createSourceSystemRequestSchema>) {
  const body = parseInput(createSourceSystemRequestSchema, input);
  const { tenantId } = deps.db;
  checkRequestSecrets(body.connectorType, body.secrets);
  const prepared = prepareConnectorSettings(body.connectorType, body.settings, body.secrets ?? {});
  return deps.db.run(async (tx) => {
    if (await tx.sourceSystem.findFirst({ where: { tenantId, name: body.name } })) throw nameTaken("source system", body.name);
    const row = await tx.sourceSystem.create({
      data: {
        ...newConnection(tenantId, body, prepared, deps.secretsKey),
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
