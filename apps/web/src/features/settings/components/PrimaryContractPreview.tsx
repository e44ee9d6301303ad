import type { PrimaryContractChange } from "../api/tenant-settings-queries.ts";

/** Who would get another primary contract with the criteria being edited. */
export function PrimaryContractPreview({ changes }: { changes: PrimaryContractChange[] }) {
  if (changes.length === 0) return <p role="status">Nobody would get another primary contract.</p>;
  return (
    <div className="table-wrap table-wrap--flush">
      <table className="table">
        <caption>
          {changes.length === 1 ? "1 person would get another primary contract" : `${changes.length} persons would get another primary contract`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Now</th>
            <th scope="col">After saving</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.personId}>
              <td>
                {change.displayName} <span className="muted">({change.externalId})</span>
              </td>
              <td>{change.oldContractExternalId ?? "none"}</td>
              <td>{change.newContractExternalId ?? "none"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
