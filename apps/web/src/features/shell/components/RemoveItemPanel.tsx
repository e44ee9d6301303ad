import { useState, type ReactNode } from "react";
import { useNavigate } from "react-router";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { ConfirmDialog } from "../../../components/ConfirmDialog.tsx";
import { Panel } from "../../../components/Panel.tsx";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { tenantAreaPath } from "../../tenants/tenant-paths.ts";
import type { AreaId } from "../navigation.ts";

/**
 * The panel on an item's page that removes it (a source or target system): a button, a
 * confirmation whose text is `children`, then back to the area's list. `remove` is sent `variables`.
 */
export function RemoveItemPanel<Variables>({
  areaId,
  title,
  description,
  errorTitle,
  button,
  confirm,
  remove,
  variables,
  children,
}: {
  areaId: AreaId;
  title: string;
  description: string;
  errorTitle?: string;
  button: { label: string; className: string };
  confirm: { title: string; label: string; pendingLabel: string };
  remove: { error: Error | null; isPending: boolean; mutate: (variables: Variables, options: { onSuccess: () => void; onSettled: () => void }) => void };
  variables: Variables;
  children: ReactNode;
}) {
  const tenant = useCurrentTenant();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  return (
    <Panel title={title} description={description}>
      {remove.error && <ErrorAlert error={remove.error} title={errorTitle} />}
      <button type="button" className={button.className} onClick={() => setOpen(true)}>
        {button.label}
      </button>
      <ConfirmDialog
        open={open}
        title={confirm.title}
        confirmLabel={confirm.label}
        pendingLabel={confirm.pendingLabel}
        isPending={remove.isPending}
        onCancel={() => setOpen(false)}
        onConfirm={() =>
          remove.mutate(variables, {
            onSuccess: () => void navigate(tenantAreaPath(tenant.tenantSlug, areaId)),
            onSettled: () => setOpen(false),
          })
        }
      >
        {children}
      </ConfirmDialog>
    </Panel>
  );
}
