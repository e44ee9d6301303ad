import { encryptSecrets } from "@idlife/db";

/** A connector's settings with the secrets moved out of them (prepareConnectorSettings, prepareTargetSettings). */
interface PreparedSettings {
  settings: Record<string, unknown>;
  secrets: Record<string, string>;
}

/** The settings and secrets columns of a source or target system: the secrets encrypted at rest (SECRETS_KEY), null when there are none. */
export function storedConnection(prepared: PreparedSettings, secretsKey: Buffer) {
  return {
    settings: prepared.settings as object,
    secrets: Object.keys(prepared.secrets).length > 0 ? encryptSecrets(prepared.secrets, secretsKey) : null,
  };
}

/** The columns a new source or target system shares: its tenant, name and connector, with the stored settings and secrets. */
export function newConnection(tenantId: string, body: { name: string; connectorType: string }, prepared: PreparedSettings, secretsKey: Buffer) {
  return { tenantId, name: body.name, connectorType: body.connectorType, ...storedConnection(prepared, secretsKey) };
}
