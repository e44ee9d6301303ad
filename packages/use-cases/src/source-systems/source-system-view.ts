import { importScheduleSchema, mappingDefinitionSchema, thresholdSettingsSchema, type SourceSystem } from "@idlife/contracts";
import { decryptSecrets } from "@idlife/db";
import { connectorTypeOf, findSourceConnector, moveSecretLookingValues, separateSecrets } from "@idlife/connectors";

export type SourceSystemRow = {
  id: string;
  name: string;
  connectorType: string;
  settings: unknown;
  secrets: Uint8Array | null;
  mapping: unknown;
  thresholds: unknown;
  schedule: unknown;
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
};

/**
 * Settings as they may be shown. Saving moves every secret out of the settings; a row saved
 * before that rule (an apiKey in a script's config) still must not show one, so the same split
 * runs on the way out, and the next save moves such a value into the encrypted store.
 */
function shownSettings(connectorType: string, settings: unknown): Record<string, unknown> {
  const stored = (settings ?? {}) as Record<string, unknown>;
  const connector = findSourceConnector(connectorType);
  if (!connector) return stored;
  return moveSecretLookingValues(connector, separateSecrets(stored, connector.secretFields).settings).settings;
}

/** The API's view of a source system: which secrets are set, never their values. */
export function toSourceSystemResponse(row: SourceSystemRow, secretsKey: Buffer): SourceSystem {
  return {
    id: row.id,
    name: row.name,
    // Stored rows have the registry's spelling (migration connector_type_spelling); the one spelling on the wire.
    connectorType: (connectorTypeOf(row.connectorType) ?? row.connectorType) as SourceSystem["connectorType"],
    settings: shownSettings(row.connectorType, row.settings),
    secretsSet: Object.keys(decryptSecrets(row.secrets, secretsKey)).sort(),
    mapping: mappingDefinitionSchema.parse(row.mapping),
    thresholds: thresholdSettingsSchema.parse(row.thresholds ?? {}),
    schedule: row.schedule ? importScheduleSchema.parse(row.schedule) : null,
    enabled: row.enabled,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
