import type { AuditEntry } from "@idlife/contracts";
import { auditDiff, auditValue } from "../audit-diff.ts";

/** Before and after of one entry, field by field; the fields that changed are highlighted. */
export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const rows = auditDiff(entry.before, entry.after);
  const changed = rows.filter((row) => row.changed).length;
  return (
    <table className="diff audit-log__diff">
      <caption className="audit-log__diff-caption">
        Changes of {entry.action}: {changed === 1 ? "1 field changed" : `${changed} fields changed`}
      </caption>
      <colgroup>
        <col className="diff__col-field" />
        <col />
        <col />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.path} className={`diff__row${row.changed ? " diff__row--changed" : ""}`}>
            <th scope="row" className="diff__field">
              {row.path}
            </th>
            <td className="diff__old">{row.before === undefined ? <span className="diff__none">(none)</span> : row.changed ? <del>{auditValue(row.before)}</del> : auditValue(row.before)}</td>
            <td className="diff__new">{row.after === undefined ? <span className="diff__none">(none)</span> : row.changed ? <ins>{auditValue(row.after)}</ins> : auditValue(row.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
