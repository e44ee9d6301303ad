import { apiKeyRoutes } from "./api-keys.ts";
import { auditRoutes } from "./audit.ts";
import { authRoutes } from "./auth.ts";
import { businessRuleRoutes, evaluationRoutes } from "./business-rules.ts";
import { connectorTypeRoutes } from "./connector-types.ts";
import { dashboardRoutes } from "./dashboard.ts";
import { healthRoutes } from "./health.ts";
import { importRoutes } from "./imports.ts";
import { invitationRoutes } from "./invitations.ts";
import { mappingPreviewRoutes } from "./mapping-preview.ts";
import { memberRoutes } from "./members.ts";
import { mergeRoutes } from "./merges.ts";
import { personRoutes } from "./persons.ts";
import { platformRoutes } from "./platform.ts";
import { snapshotRoutes } from "./snapshots.ts";
import { sourceRecordRoutes } from "./source-records.ts";
import { sourceSystemRoutes } from "./source-systems.ts";
import { tenantRoutes } from "./tenant.ts";
import { targetSystemRoutes } from "./target-systems.ts";

/** Every route of the API by area; the typed client has one method per entry. */
export const apiRoutes = {
  apiKeys: apiKeyRoutes,
  audit: auditRoutes,
  auth: authRoutes,
  businessRules: businessRuleRoutes,
  evaluations: evaluationRoutes,
  connectorTypes: connectorTypeRoutes,
  dashboard: dashboardRoutes,
  health: healthRoutes,
  imports: importRoutes,
  invitations: invitationRoutes,
  mappingPreview: mappingPreviewRoutes,
  members: memberRoutes,
  merges: mergeRoutes,
  persons: personRoutes,
  platform: platformRoutes,
  snapshots: snapshotRoutes,
  sourceRecords: sourceRecordRoutes,
  sourceSystems: sourceSystemRoutes,
  targetSystems: targetSystemRoutes,
  tenant: tenantRoutes,
};
