import { once } from "node:events";
import { setTimeout as delay } from "node:timers/promises";
import { Logger } from "@nestjs/common";
import type { Response } from "express";
import type { PrismaNamespace } from "@idlife/db";
import type { TenantDatabase } from "../../infrastructure/tenant-database.ts";
import type { ExportSlots } from "./export-slots.ts";
import { CsvColumns, csvLine, csvRow, personCsvRecord, type CsvPerson, type CsvSeparator } from "./persons-csv.ts";

// Excel opens a CSV as UTF-8 only when it starts with a byte order mark (ë, é, ø stay readable).
const UTF8_BOM = "\uFEFF";
const logger = new Logger("PersonsExport");
// A client that takes nothing for this long is gone in all but name: its export ends, so stalled
// downloads cannot pile up batches in memory (its slot has expired by then too).
const STALLED_CLIENT_MS = 60_000;

export interface PersonsExportDependencies {
  db: TenantDatabase;
  slots: ExportSlots;
  batchSize: number;
}

export interface PersonsExportInput {
  tenantId: string;
  where: PrismaNamespace.PersonWhereInput;
  separator: CsvSeparator;
  /** The person as this caller may see it (personal contact data only for roles allowed to). */
  visible: (row: CsvPerson) => CsvPerson;
}

const personColumns = { id: true, externalId: true, displayName: true, status: true, excluded: true, data: true } as const;

/**
 * Streams a tenant's persons as CSV: a batch of persons per query, each in a short transaction of
 * its own, paged by id; a batch is written only when the client has taken the previous one. The
 * first pass collects the columns (the header comes first), the second writes the rows. Memory
 * holds one batch, however many persons the tenant has.
 */
export async function exportPersonsCsv(deps: PersonsExportDependencies, input: PersonsExportInput, response: Response): Promise<void> {
  const slot = await deps.slots.acquire(input.tenantId);
  let clientGone = false;
  response.once("close", () => (clientGone = true));
  try {
    const columns = new CsvColumns();
    for await (const batch of personBatches(deps, input.where)) {
      if (clientGone) return;
      for (const row of batch) columns.add(personCsvRecord(input.visible(toCsvPerson(row))));
      await slot.renew();
    }
    const header = columns.list;
    response.setHeader("Content-Type", "text/csv; charset=utf-8");
    response.setHeader("Content-Disposition", 'attachment; filename="persons.csv"');
    response.setHeader("Cache-Control", "no-store");
    response.status(200);
    try {
      if (!(await write(response, UTF8_BOM + csvLine(header, input.separator)))) return;
      for await (const batch of personBatches(deps, input.where)) {
        const text = batch.map((row) => csvRow(personCsvRecord(input.visible(toCsvPerson(row))), header, input.separator)).join("");
        if (!(await write(response, text))) return;
        await slot.renew();
      }
      response.end();
    } catch (error) {
      // The status line is sent: a failed download is the honest answer, not a file cut short.
      logger.error(`Export of tenant ${input.tenantId} failed after it started: ${error instanceof Error ? error.stack : String(error)}`);
      response.destroy();
    }
  } finally {
    await slot.release();
  }
}

async function* personBatches(deps: PersonsExportDependencies, where: PrismaNamespace.PersonWhereInput) {
  let after: string | undefined;
  for (;;) {
    const batch = await deps.db.run((tx) =>
      tx.person.findMany({ where: after ? { AND: [where, { id: { gt: after } }] } : where, orderBy: { id: "asc" }, take: deps.batchSize, select: personColumns }),
    );
    if (batch.length > 0) yield batch;
    if (batch.length < deps.batchSize) return;
    after = batch.at(-1)!.id;
  }
}

const toCsvPerson = (row: { id: string; externalId: string; displayName: string; status: string; excluded: boolean; data: unknown }): CsvPerson => ({
  ...row,
  data: (row.data ?? {}) as Record<string, unknown>,
});

/** Writes a chunk and waits until the client has taken it; false when the client went away or stalled. */
async function write(response: Response, chunk: string): Promise<boolean> {
  if (response.destroyed) return false;
  if (response.write(chunk)) return true;
  const waiting = new AbortController();
  const { signal } = waiting;
  try {
    const outcome = await Promise.race([
      once(response, "drain", { signal }).then(() => "drained" as const),
      once(response, "close", { signal }).then(() => "closed" as const),
      delay(STALLED_CLIENT_MS, "stalled" as const, { signal }),
    ]);
    if (outcome === "stalled") response.destroy();
  } finally {
    waiting.abort();
  }
  return !response.destroyed;
}
