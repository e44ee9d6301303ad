import { z } from "zod";
import { decryptSecrets, type TransactionClient } from "@idlife/db";
import { findTargetConnector, type RefusedWrite, type TargetConnector, type TargetSession } from "@idlife/connectors";
import { containerMappingSchema, correlationSchema, passwordPolicySchema, targetFieldMappingSchema, type ContainerMapping, type Correlation, type TargetFieldMapping } from "@idlife/contracts";
import { notFound, UseCaseError } from "../use-case-error.ts";

/** A target system as the engine works with it: its JSON columns checked, its secrets still sealed. */
export interface EngineTargetSystem {
  id: string;
  tenantId: string;
  name: string;
  connectorType: string;
  settings: Record<string, unknown>;
  sealedSecrets: Uint8Array | null;
  fieldMapping: TargetFieldMapping[];
  correlation: Correlation | null;
  container: ContainerMapping | null;
  passwordLength: number;
  /** Whether a password is generated on create (when the connector sets passwords). */
  generatePassword: boolean;
  concurrency: number;
  ratePerSecond: number | null;
  pausedUntil: Date | null;
  enabled: boolean;
}

const storedShape = z.object({
  fieldMapping: z.array(targetFieldMappingSchema),
  correlation: correlationSchema.nullable(),
  container: containerMappingSchema.nullable(),
  passwordPolicy: passwordPolicySchema,
});

/** The target system of this tenant, checked; 404 when there is none, 422 when its stored configuration no longer parses. */
export async function loadTargetSystem(tx: TransactionClient, tenantId: string, targetSystemId: string): Promise<EngineTargetSystem> {
  const row = await tx.targetSystem.findFirst({ where: { tenantId, id: targetSystemId } });
  if (!row) throw notFound("The target system");
  const parsed = storedShape.safeParse({ fieldMapping: row.fieldMapping, correlation: row.correlation ?? null, container: row.container ?? null, passwordPolicy: row.passwordPolicy ?? {} });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new UseCaseError(422, "invalid_target_configuration", `The configuration of target system '${row.name}' is not valid (${problems}); correct it in the target system's settings.`);
  }
  return {
    id: row.id,
    tenantId: row.tenantId,
    name: row.name,
    connectorType: row.connectorType,
    settings: (row.settings ?? {}) as Record<string, unknown>,
    sealedSecrets: row.secrets,
    fieldMapping: parsed.data.fieldMapping,
    correlation: parsed.data.correlation,
    container: parsed.data.container,
    passwordLength: parsed.data.passwordPolicy.length,
    generatePassword: parsed.data.passwordPolicy.generate,
    concurrency: row.concurrency,
    ratePerSecond: row.ratePerSecond,
    pausedUntil: row.pausedUntil,
    enabled: row.enabled,
  };
}

export function targetConnectorOf(system: EngineTargetSystem): TargetConnector {
  const connector = findTargetConnector(system.connectorType);
  if (!connector) throw new UseCaseError(422, "unknown_connector_type", `Target system '${system.name}' uses connector type '${system.connectorType}', which this installation does not have.`);
  return connector;
}

/**
 * Opens a session on the system. "plan": the connector's transport refuses every write and
 * reports it through `onRefusedWrite`; only the runner opens "apply" sessions.
 */
export async function openTargetSession(
  system: EngineTargetSystem,
  secretsKey: Buffer,
  mode: "plan" | "apply",
  onRefusedWrite?: (write: RefusedWrite) => void,
  /** HTTP for connectors that use it: connectorFetch, which refuses private networks unless allowed. */
  fetch?: typeof globalThis.fetch,
): Promise<{ connector: TargetConnector; session: TargetSession }> {
  const connector = targetConnectorOf(system);
  const secrets = new Map<string, string>();
  for (const [name, value] of Object.entries(decryptSecrets(system.sealedSecrets, secretsKey))) if (typeof value === "string") secrets.set(name, value);
  // The connector checks its settings with the secrets merged in and names what is wrong (ConnectorError).
  const session = await connector.open({ mode, settings: system.settings, secrets: Object.fromEntries(secrets), ...(onRefusedWrite ? { onRefusedWrite } : {}), ...(fetch ? { fetch } : {}) });
  return { connector, session };
}
