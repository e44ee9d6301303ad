import { once } from "node:events";
import { setTimeout as delay } from "node:timers/promises";
import type { Logger } from "@nestjs/common";
import type { Response } from "express";
import { csvLine, type CsvSeparator } from "./csv-format.ts";
import type { ExportSlot, ExportSlots } from "./export-slots.ts";

// Excel opens a CSV as UTF-8 only when it starts with a byte order mark (ë, é, ø stay readable).
const UTF8_BOM = "\uFEFF";
// A client that takes nothing for this long is gone in all but name: its export ends, so stalled
// downloads cannot pile up batches in memory (its slot has expired by then too).
const STALLED_CLIENT_MS = 60_000;

export interface CsvDownload {
  fileName: string;
  header: unknown[];
  separator: CsvSeparator;
  /** The rows after the header, one batch of lines at a time. */
  rows: AsyncIterable<string>;
  logger: Logger;
  /** Names the export in the log when it fails after the status line was sent. */
  description: string;
}

/** The export's slot (a few exports per tenant at a time) and whether the client has gone, for the export's whole run. */
export interface ExportRun {
  slot: ExportSlot;
  clientGone(): boolean;
}

export async function withExportSlot(slots: ExportSlots, tenantId: string, response: Response, work: (run: ExportRun) => Promise<void>): Promise<void> {
  const slot = await slots.acquire(tenantId);
  let gone = false;
  response.once("close", () => (gone = true));
  try {
    await work({ slot, clientGone: () => gone });
  } finally {
    await slot.release();
  }
}

/**
 * Sends a CSV download: BOM and header first, then each batch of rows once the client has taken
 * the previous one, renewing the export's slot as it goes. Memory holds one batch.
 */
export async function sendCsv(response: Response, run: ExportRun, download: CsvDownload): Promise<void> {
  response.setHeader("Content-Type", "text/csv; charset=utf-8");
  response.setHeader("Content-Disposition", `attachment; filename="${download.fileName}"`);
  response.setHeader("Cache-Control", "no-store");
  response.status(200);
  try {
    if (!(await write(response, UTF8_BOM + csvLine(download.header, download.separator)))) return;
    for await (const text of download.rows) {
      if (!(await write(response, text))) return;
      await run.slot.renew();
    }
    response.end();
  } catch (error) {
    // The status line is sent: a failed download is the honest answer, not a file cut short.
    download.logger.error(`Export of ${download.description} failed after it started: ${error instanceof Error ? error.stack : String(error)}`);
    response.destroy();
  }
}

/** Pages through rows by a key that only grows (an id, a sequence), a batch per query. */
export async function* keysetBatches<Row, Key>(fetch: (after: Key | undefined) => Promise<Row[]>, keyOf: (row: Row) => Key, batchSize: number): AsyncGenerator<Row[]> {
  let after: Key | undefined;
  for (;;) {
    const batch = await fetch(after);
    if (batch.length > 0) yield batch;
    if (batch.length < batchSize) return;
    after = keyOf(batch.at(-1)!);
  }
}

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
