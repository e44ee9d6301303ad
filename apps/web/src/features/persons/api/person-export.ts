import { personRoutes } from "@idlife/contracts";
import { useMutation } from "@tanstack/react-query";
import { downloadFile, saveBlob } from "../../../lib/api/api-files.ts";
import { personListQuery, type PersonFilter } from "../person-filter.ts";

export type CsvSeparator = "," | ";";

/**
 * Excel reads a CSV with the list separator of its language: a semicolon in Dutch (where the comma
 * is the decimal sign), a comma in English. The browser's language is the best guess at Excel's.
 */
export function defaultCsvSeparator(languages: readonly string[] = navigator.languages): CsvSeparator {
  return (languages[0] ?? "").toLowerCase().split("-")[0] === "nl" ? ";" : ",";
}

/** The CSV export needs the tenant header, so it is fetched and handed to the browser as a file. */
export function useExportPersonsMutation(tenantId: string) {
  return useMutation({
    mutationFn: async ({ filter, separator }: { filter: PersonFilter; separator: CsvSeparator }) => {
      const blob = await downloadFile(personRoutes.export, { ...personListQuery(filter, { paging: false }), separator }, { tenantId });
      saveBlob(blob, `persons-${new Date().toISOString().slice(0, 10)}.csv`);
    },
  });
}
