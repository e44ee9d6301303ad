import { useState } from "react";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { defaultCsvSeparator, useExportPersonsMutation, type CsvSeparator } from "../api/person-export.ts";
import type { PersonFilter } from "../person-filter.ts";

/** Downloads the filtered persons as CSV with the separator the person's Excel expects. */
export function PersonsExportControl({ tenantId, filter }: { tenantId: string; filter: PersonFilter }) {
  const exportCsv = useExportPersonsMutation(tenantId);
  const [separator, setSeparator] = useState<CsvSeparator>(() => defaultCsvSeparator());
  return (
    <div className="stack">
      <div className="export-control">
        <select className="select" aria-label="CSV separator" value={separator} onChange={(event) => setSeparator(event.target.value === ";" ? ";" : ",")}>
          <option value=";">Semicolon (Excel in Dutch)</option>
          <option value=",">Comma (Excel in English)</option>
        </select>
        <button type="button" className="button button--secondary" disabled={exportCsv.isPending} onClick={() => exportCsv.mutate({ filter, separator })}>
          {exportCsv.isPending ? "Exporting…" : "Export CSV"}
        </button>
      </div>
      {exportCsv.error && <ErrorAlert error={exportCsv.error} title="The export did not download" />}
    </div>
  );
}
