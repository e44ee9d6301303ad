import { DataTable } from "../../../components/DataTable.tsx";
import type { PrimaryContractChange } from "../api/tenant-settings-queries.ts";

/** Who would get another primary contract with the criteria being edited. */
export function PrimaryContractPreview({ changes }: { changes: PrimaryContractChange[] }) {
  if (changes.length === 0) return <p role="status">Nobody would get another primary contract.</p>;
  return (
    <DataTable
      caption={changes.length === 1 ? "1 person would get another primary contract" : `${changes.length} persons would get another primary contract`}
      captionVisible
      columns={["Person", "Now", "After saving"]}
      items={changes}
      rowKey={(change) => change.personId}
      renderRow={(change) => (
        <>
          <td>
            {change.displayName} <span className="muted">({change.externalId})</span>
          </td>
          <td>{change.oldContractExternalId ?? "none"}</td>
          <td>{change.newContractExternalId ?? "none"}</td>
        </>
      )}
    />
  );
}
