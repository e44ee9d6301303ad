import { Logger } from "@nestjs/common";
import type { Response } from "express";
import type { PrismaNamespace } from "@idlife/db";
import { keysetBatches, sendCsv, withExportSlot } from "../../common/csv/csv-download.ts";
import type { CsvSeparator } from "../../common/csv/csv-format.ts";
import type { CsvExportDependencies } from "../../common/csv/csv-exports.ts";
import { CsvColumns, csvRow, personCsvRecord, type CsvPerson } from "./persons-csv.ts";

const logger = new Logger("PersonsExport");

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
export async function exportPersonsCsv(deps: CsvExportDependencies, input: PersonsExportInput, response: Response): Promise<void> {
  await withExportSlot(deps.slots, input.tenantId, response, async (run) => {
    const columns = new CsvColumns();
    for await (const batch of personBatches(deps, input.where)) {
      if (run.clientGone()) return;
      for (const row of batch) columns.add(personCsvRecord(input.visible(toCsvPerson(row))));
      await run.slot.renew();
    }
    const header = columns.list;
    async function* rows() {
      for await (const batch of personBatches(deps, input.where)) {
        yield batch.map((row) => csvRow(personCsvRecord(input.visible(toCsvPerson(row))), header, input.separator)).join("");
      }
    }
    await sendCsv(response, run, { fileName: "persons.csv", header, separator: input.separator, rows: rows(), logger, description: `the persons of tenant ${input.tenantId}` });
  });
}

function personBatches(deps: CsvExportDependencies, where: PrismaNamespace.PersonWhereInput) {
  return keysetBatches(
    (after: string | undefined) =>
      deps.db.run((tx) =>
        tx.person.findMany({ where: after ? { AND: [where, { id: { gt: after } }] } : where, orderBy: { id: "asc" }, take: deps.batchSize, select: personColumns }),
      ),
    (row) => row.id,
    deps.batchSize,
  );
}

const toCsvPerson = (row: { id: string; externalId: string; displayName: string; status: string; excluded: boolean; data: unknown }): CsvPerson => ({
  ...row,
  data: (row.data ?? {}) as Record<string, unknown>,
});
