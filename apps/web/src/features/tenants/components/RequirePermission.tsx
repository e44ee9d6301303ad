import type { ReactNode } from "react";
import type { Permission } from "../../../lib/idlife-core.ts";
import { Alert } from "../../../components/Alert.tsx";
import { PageHeader } from "../../../components/PageHeader.tsx";
import { usePermission } from "../permissions.ts";

/** A page only some roles may use: the others see its title and who may (the API refuses them anyway). */
export function RequirePermission({ permission, title, refusal, children }: { permission: Permission; title: string; refusal: string; children: ReactNode }) {
  if (usePermission(permission)) return children;
  return (
    <>
      <PageHeader title={title} />
      <Alert tone="info">{refusal}</Alert>
    </>
  );
}
