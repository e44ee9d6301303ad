import { Alert } from "../../../components/Alert.tsx";
import { JsonView } from "../../../components/JsonView.tsx";
import { Panel } from "../../../components/Panel.tsx";
import { AreaItemPage, useAreaItem } from "../../shell/routes/AreaItemPage.tsx";
import { usePermission } from "../../tenants/permissions.ts";
import { useBusinessRuleQuery, useUpdateBusinessRuleMutation } from "../api/business-rule-queries.ts";
import { businessRulePaths } from "../business-rule-paths.ts";
import { RuleEditorForm } from "../components/RuleEditorForm.tsx";
import { RuleStateBadges } from "../components/RuleStateBadges.tsx";
import { SimulationPanel } from "../components/SimulationPanel.tsx";
import { ruleFormOf } from "../rule-form.ts";

/** One rule: its editor (saving changes the draft), then the simulation and publish of that draft. */
export function BusinessRulePage() {
  const rule = useAreaItem(businessRulePaths, useBusinessRuleQuery);
  const canConfigure = usePermission("configure");
  const update = useUpdateBusinessRuleMutation(rule.tenantId, rule.id);
  return (
    <AreaItemPage
      item={rule}
      noun="Business rule"
      shortNoun="rule"
      name={(data) => data.name}
      description={(data) => <RuleStateBadges rule={data} />}
    >
      {(data) => (
        <div className="stack">
          {update.isSuccess && data.draft && <Alert tone="success">Draft saved. Simulate it to see what it would change, then publish it.</Alert>}
          {canConfigure ? (
            <RuleEditorForm
              // A saved draft (a new version) starts the form afresh from what the API stored.
              // Keys differ from the simulation panel's (siblings): a shared key made React
              // keep stale copies of the form after a refused save.
              key={`editor-${data.draft?.id ?? data.published?.id ?? data.id}`}
              initial={ruleFormOf(data)}
              submitLabel="Save draft"
              pending={update.isPending}
              error={update.error}
              onSubmit={(request) => update.mutate(request)}
            />
          ) : (
            // Operators and auditors read the rule; only administrators change it.
            <Panel title={data.draft ? `Draft v${data.draft.version}` : "Published version"}>
              <JsonView value={data.draft ?? data.published} label="Rule definition" maxHeight={480} />
            </Panel>
          )}
          <SimulationPanel key={`simulation-${data.draft?.id ?? "published"}`} rule={data} canConfigure={canConfigure} />
        </div>
      )}
    </AreaItemPage>
  );
}
