import { Logger } from "@nestjs/common";
import type { Response } from "express";
import type { AuditFilter } from "@idlife/contracts";
import { keysetBatches, sendCsv, withExportSlot } from "../../common/csv/csv-download.ts";
import { csvLine, type CsvSeparator } from "../../common/csv/csv-format.ts";
import type { CsvExportDependencies } from "../../common/csv/csv-exports.ts";
import { auditWhere, toAuditEntries } from "./audit-entries.ts";

const logger = new Logger("AuditExport");
const HEADER = ["Sequence", "Time", "ActorType", "Actor", "ActorId", "Action", "TargetType", "TargetId", "Target", "Before", "After", "IpAddress"];

const json = (value: unknown) => (value === null || value === undefined ? "" : JSON.stringify(value));

/**
 * Streams the tenant's filtered audit log as CSV, newest first, a batch of entries per query
 * (keyset on the sequence), each named as the list names it. Before and after are JSON cells.
 */
export async function exportAuditLogCsv(deps: CsvExportDependencies, input: { tenantId: string; filter: AuditFilter; separator: CsvSeparator }, response: Response): Promise<void> {
  await withExportSlot(deps.slots, input.tenantId, response, async (run) => {
    const batches = keysetBatches(
      (before: bigint | undefined) =>
        deps.db.run(async (tx) => {
          const rows = await tx.auditEntry.findMany({ where: auditWhere(input.tenantId, input.filter, before), orderBy: { sequence: "desc" }, take: deps.batchSize });
          return toAuditEntries(tx, input.tenantId, rows);
        }),
      (entry) => BigInt(entry.sequence),
      deps.batchSize,
    );
    async function* rows() {
      for await (const batch of batches) {
        yield batch
          .map((entry) =>
            csvLine(
              [entry.sequence, entry.createdAt, entry.actorType, entry.actorLabel, entry.actorId, entry.action, entry.targetType, entry.targetId, entry.targetLabel, json(entry.before), json(entry.after), entry.ipAddress],
              input.separator,
            ),
          )
          .join("");
      }
    }
    await sendCsv(response, run, { fileName: "audit-log.csv", header: HEADER, separator: input.separator, rows: rows(), logger, description: `the audit log of tenant ${input.tenantId}` });
  });
}
