import type { BusinessRuleView } from "@idlife/contracts";
import { useState } from "react";
import { Link } from "react-router";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { ConfirmDialog } from "../../../components/ConfirmDialog.tsx";
import { formatDateTime } from "../../../lib/format.ts";
import { AreaListPage } from "../../shell/routes/AreaListPage.tsx";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { usePermission } from "../../tenants/permissions.ts";
import { useBusinessRulesQuery, useDeleteBusinessRuleMutation } from "../api/business-rule-queries.ts";
import { businessRulePath } from "../business-rule-paths.ts";
import { EnforceNowButton } from "../components/EnforceNowPanel.tsx";
import { RuleStateBadges } from "../components/RuleStateBadges.tsx";

export function BusinessRulesPage() {
  const tenant = useCurrentTenant();
  const canConfigure = usePermission("configure");
  const rules = useBusinessRulesQuery(tenant.tenantId);
  const remove = useDeleteBusinessRuleMutation(tenant.tenantId);
  const [removing, setRemoving] = useState<BusinessRuleView>();

  return (
    <AreaListPage
      areaId="business-rules"
      description="Who gets which accounts, access and permissions. Drafts are simulated, then published."
      addLabel="Add rule"
      query={rules}
      emptyText={{
        administrator: "Add a rule: who is in scope (conditions on persons and contracts) and what they get in which target system.",
        others: "An administrator writes the rules that decide who gets what.",
      }}
      notices={
        <>
          {remove.error && <ErrorAlert error={remove.error} title="The rule was not removed" />}
          {rules.data && rules.data.length > 0 && <EnforceNowButton />}
        </>
      }
      columns={["Name", "Categories", "State", "Updated", canConfigure && { label: "Actions", hidden: true }]}
      renderRow={(rule) => (
        <>
          <td>
            <Link className="table__primary-link" to={businessRulePath(tenant.tenantSlug, rule.id)}>
              {rule.name}
            </Link>
          </td>
          <td>{rule.categories.join(", ")}</td>
          <td>
            <RuleStateBadges rule={rule} />
          </td>
          <td>
            <time dateTime={rule.updatedAt}>{formatDateTime(rule.updatedAt)}</time>
          </td>
          {canConfigure && (
            <td>
              <button type="button" className="button button--quiet" aria-label={`Remove ${rule.name}`} onClick={() => setRemoving(rule)}>
                Remove
              </button>
            </td>
          )}
        </>
      )}
    >
      <ConfirmDialog
        open={removing !== undefined}
        title={`Remove “${removing?.name ?? ""}”?`}
        confirmLabel="Remove rule"
        pendingLabel="Removing…"
        isPending={remove.isPending}
        onCancel={() => setRemoving(undefined)}
        onConfirm={() => removing && remove.mutate(removing.id, { onSettled: () => setRemoving(undefined) })}
      >
        <p>The next evaluation revokes what this rule grants and no other rule does.</p>
      </ConfirmDialog>
    </AreaListPage>
  );
}
