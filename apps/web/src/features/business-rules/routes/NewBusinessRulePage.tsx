import { useNavigate } from "react-router";
import { Alert } from "../../../components/Alert.tsx";
import { PageFrame } from "../../../components/pages/PageFrame.tsx";
import { PageHeader } from "../../../components/PageHeader.tsx";
import { useAreaFrame } from "../../shell/routes/AreaItemPage.tsx";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { usePermission } from "../../tenants/permissions.ts";
import { useCreateBusinessRuleMutation } from "../api/business-rule-queries.ts";
import { businessRulePath } from "../business-rule-paths.ts";
import { RuleEditorForm } from "../components/RuleEditorForm.tsx";
import { emptyRuleForm } from "../rule-form.ts";

export function NewBusinessRulePage() {
  const tenant = useCurrentTenant();
  const navigate = useNavigate();
  const frame = useAreaFrame("business-rules");
  const create = useCreateBusinessRuleMutation(tenant.tenantId);
  const canConfigure = usePermission("configure");
  return (
    <>
      <PageFrame title="Add business rule" {...frame} />
      <PageHeader title="Add business rule" description="Saved as a draft: simulate it, then publish it. Nothing is enforced before." />
      {canConfigure ? (
        <RuleEditorForm
          initial={emptyRuleForm()}
          submitLabel="Save draft"
          pending={create.isPending}
          error={create.error}
          onSubmit={(request) => create.mutate(request, { onSuccess: (created) => void navigate(businessRulePath(tenant.tenantSlug, created.id)) })}
        />
      ) : (
        <Alert tone="info">Only owners and administrators write business rules.</Alert>
      )}
    </>
  );
}
