import { mergeSecrets, type TargetConnector, type TargetSession } from "@idlife/connectors";
import { decryptSecrets } from "@idlife/db";
import type { TenantScope } from "../tenant-scope.ts";
import { UseCaseError } from "../use-case-error.ts";
import { loadTargetSystem, targetConnectorOf, type EngineTargetSystem } from "./target-system-runtime.ts";

export interface TargetReadDeps {
  db: TenantScope;
  secretsKey: Buffer;
}

/**
 * Runs `work` on a read-only (plan mode) session of a stored target system: testing, listing
 * permissions and the inventory never write, and the connector's transport refuses if they try.
 * The stored settings lack their secrets (kept encrypted apart), so they are checked with the
 * secrets in place, as they were when saved.
 */
export async function withPlanSession<T>(deps: TargetReadDeps, targetSystemId: string, work: (session: TargetSession, system: EngineTargetSystem, connector: TargetConnector) => Promise<T>): Promise<T> {
  const system = await deps.db.run((tx) => loadTargetSystem(tx, deps.db.tenantId, targetSystemId));
  const connector = targetConnectorOf(system);
  const secrets = new Map<string, string>();
  for (const [name, value] of Object.entries(decryptSecrets(system.sealedSecrets, deps.secretsKey))) if (typeof value === "string") secrets.set(name, value);
  const checked = connector.settingsSchema.safeParse(connector.secretNames === "declared" ? mergeSecrets(system.settings, Object.fromEntries(secrets)) : system.settings);
  if (!checked.success) {
    const problems = checked.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new UseCaseError(422, "invalid_target_settings", `The settings of target system '${system.name}' are not valid: ${problems}`);
  }
  const session = await connector.open({ mode: "plan", settings: system.settings, secrets: Object.fromEntries(secrets) });
  try {
    return await work(session, system, connector);
  } finally {
    await session.close();
  }
}
