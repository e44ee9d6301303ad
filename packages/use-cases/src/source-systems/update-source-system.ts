import { z } from "zod";
import { updateSourceSystemRequestSchema } from "@idlife/contracts";
import { PrismaNamespace, decryptSecrets, recordAudit } from "@idlife/db";
import { requestSnapshot } from "../snapshots/request-snapshot.ts";
import { storedConnection } from "../stored-connection.ts";
import { parseInput } from "../tenant-scope.ts";
import { nameTaken } from "../use-case-error.ts";
import { auditSecretPaths, checkRequestSecrets, prepareConnectorSettings, refuseUnconfirmedSecrets, validateMapping, validateSchedule } from "./connector-settings.ts";
import { findSourceSystem, type SourceSystemDeps } from "./source-system-deps.ts";
import { toSourceSystemResponse } from "./source-system-view.ts";
import { refuseUnknownTemplateColumns } from "./template-columns.ts";

export const updateSourceSystemInput = z.strictObject({ sourceSystemId: z.uuid(), changes: updateSourceSystemRequestSchema });

/** Changes a source system; a mapping change re-decides the persons (snapshot, no fetch). */
export async function updateSourceSystem(deps: SourceSystemDeps, input: z.input<typeof updateSourceSystemInput>) {
  const { sourceSystemId, changes: body } = parseInput(updateSourceSystemInput, input);
  const { tenantId } = deps.db;
  const { response, mappingChanged } = await deps.db.run(async (tx) => {
    const row = await findSourceSystem(tx, tenantId, sourceSystemId);
    checkRequestSecrets(row.connectorType, body.secrets);
    const before = toSourceSystemResponse(row, deps.secretsKey);
    const stored = decryptSecrets(row.secrets, deps.secretsKey);
    const requestSecrets = body.secrets ?? {};
    const merged = Object.fromEntries(Object.entries(stored).map(([key, value]) => [key, String(value)]));
    for (const [key, value] of Object.entries(requestSecrets)) {
      if (value === null) delete merged[key];
      else merged[key] = value;
    }
    const prepared = prepareConnectorSettings(row.connectorType, (body.settings ?? row.settings) as Record<string, unknown>, merged, requestSecrets);
    if (body.settings) refuseUnconfirmedSecrets(row, prepared.settings, { stored: Object.keys(stored), given: body.secrets, typedInto: body.settings });
    if (body.name && body.name !== row.name && (await tx.sourceSystem.findFirst({ where: { tenantId, name: body.name } }))) throw nameTaken("source system", body.name);
    const mapping = body.mapping ? validateMapping(body.mapping) : undefined;
    if (mapping) await refuseUnknownTemplateColumns(tx, tenantId, row.id, mapping);
    const updated = await tx.sourceSystem.update({
      where: { id: row.id },
      data: {
        ...(body.name ? { name: body.name } : {}),
        ...storedConnection(prepared, deps.secretsKey),
        ...(mapping ? { mapping: mapping as object } : {}),
        ...(body.thresholds ? { thresholds: body.thresholds } : {}),
        ...(body.schedule !== undefined ? { schedule: body.schedule === null ? PrismaNamespace.DbNull : (validateSchedule(body.schedule) as object) } : {}),
        ...(body.enabled !== undefined ? { enabled: body.enabled } : {}),
      },
    });
    const after = toSourceSystemResponse(updated, deps.secretsKey);
    await recordAudit(tx, { tenantId, action: "source_system.update", targetType: "source_system", targetId: row.id, before, after, secretPaths: auditSecretPaths(row.connectorType) });
    return { response: after, mappingChanged: body.mapping !== undefined && JSON.stringify(before.mapping) !== JSON.stringify(after.mapping) };
  });
  if (mappingChanged) await requestSnapshot(deps, { cause: "configuration" });
  return response;
}
