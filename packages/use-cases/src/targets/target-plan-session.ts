import type { TargetConnector, TargetSession } from "@idlife/connectors";
import type { TenantScope } from "../tenant-scope.ts";
import { loadTargetSystem, openTargetSession, type EngineTargetSystem } from "./target-system-runtime.ts";

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
export async function withPlanSession<T>(deps: TargetReadDeps, targetSystemId: string, work: (session: TargetSession, system: EngineTargetSystem, connector: TargetConnector) => Promise<T>): Promise<T> {
  const system = await deps.db.run((tx) => loadTargetSystem(tx, deps.db.tenantId, targetSystemId));
  const { connector, session } = await openTargetSession(system, deps.secretsKey, "plan", undefined, deps.fetch);
  try {
    return await work(session, system, connector);
  } finally {
    await session.close();
  }
}
