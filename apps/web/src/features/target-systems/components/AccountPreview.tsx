import type { AccountPreview as AccountPreviewView } from "@idlife/contracts";
import { Alert, ErrorAlert } from "../../../components/Alert.tsx";
import { JsonView } from "../../../components/JsonView.tsx";
import { LoadingState } from "../../../components/LoadingState.tsx";
import { displayValue } from "../../../lib/format.ts";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { useTargetPreviewQuery } from "../api/person-target-queries.ts";

const correlationText: Record<AccountPreviewView["correlation"]["status"], string> = {
  managed: "The platform already manages this person's account.",
  match: "One existing account matches: it is taken over instead of creating a new one.",
  none: "No existing account matches: a new account is created.",
  several: "Several accounts match: nothing is done for this person until only one matches.",
  "not-configured": "No correlation is configured: a new account is created.",
};

/** What each action would send for the person, and the account it would correlate with; read-only. */
export function AccountPreview({ personId, targetSystemId }: { personId: string; targetSystemId: string }) {
  const tenant = useCurrentTenant();
  const preview = useTargetPreviewQuery(tenant.tenantId, personId, targetSystemId, undefined);
  if (preview.isPending) return <LoadingState label="Computing the preview…" />;
  if (!preview.data) return <ErrorAlert error={preview.error} title="No preview" />;
  const { correlation, actions, refusedWrites } = preview.data;
  return (
    <div className="stack" aria-label="Account preview">
      <Alert tone={correlation.status === "several" ? "warning" : "info"} title="Correlation">
        {correlationText[correlation.status]}
        {correlation.account && (
          <>
            {" "}
            Account <code className="code">{correlation.account.location ?? correlation.account.reference}</code>.
          </>
        )}
      </Alert>
      {actions.map((action) => (
        <section key={action.action} aria-label={`Preview of ${action.action}`}>
          <h3 className="form-section__title">
            {action.action}
            {action.container && (
              <>
                {" "}
                in <code className="code">{action.container}</code>
              </>
            )}
          </h3>
          {action.errors.length > 0 && <Alert tone="error">{action.errors.join("; ")}</Alert>}
          <table className="table">
            <caption className="visually-hidden">Attributes {action.action} would send</caption>
            <tbody>
              {Object.entries(action.attributes).map(([name, value]) => (
                <tr key={name}>
                  <th scope="row">{name}</th>
                  <td>{displayValue(value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {action.changes && Object.keys(action.changes).length > 0 && <JsonView label="Changes" value={action.changes} />}
        </section>
      ))}
      {refusedWrites.length > 0 && <Alert tone="warning" title="Writes refused while previewing">{refusedWrites.join("; ")}</Alert>}
    </div>
  );
}
