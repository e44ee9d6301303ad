import type { TargetSession } from "@idlife/connectors";
import { decryptSecrets } from "@idlife/db";
import type { TenantScope } from "../tenant-scope.ts";
import { findTargetSystem, type TargetSystemRow } from "./target-system-view.ts";
import { targetConnectorOf } from "./target-system-settings.ts";

export interface TargetReadDeps {
  db: TenantScope;
  secretsKey: Buffer;
  /** How connectors make HTTP requests (connectorFetch: private networks allowed or not). */
  fetch?: typeof fetch;
}

/**
 * Runs `work` on a read-only (plan mode) session of a stored target system: testing, listing
 * permissions and the inventory never write, and the connector's transport refuses if they try.
 */
export async function withPlanSession<T>(deps: TargetReadDeps, targetSystemId: string, work: (session: TargetSession, system: TargetSystemRow) => Promise<T>): Promise<T> {
  const system = await deps.db.run((tx) => findTargetSystem(tx, deps.db.tenantId, targetSystemId));
  const connector = targetConnectorOf(system.connectorType);
  const secrets = Object.fromEntries(Object.entries(decryptSecrets(system.secrets, deps.secretsKey)).map(([key, value]) => [key, String(value)]));
  const session = await connector.open({ mode: "plan", settings: (system.settings ?? {}) as Record<string, unknown>, secrets, ...(deps.fetch ? { fetch: deps.fetch } : {}) });
  try {
    return await work(session, system);
  } finally {
    await session.close();
  }
}
