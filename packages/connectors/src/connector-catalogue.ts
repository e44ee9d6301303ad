import { catalogueEntry } from "./catalogue-entry.ts";
import { csvConnector } from "./csv/csv-connector.ts";
import { httpJsonConnector } from "./http-json/http-json-connector.ts";
import { scriptConnector } from "./script/script-connector.ts";
import type { SourceConnector } from "./source-connector.ts";

/**
 * The connector registry: every source connector, registered once, in the order the portal
 * offers them. Its type is the one spelling stored, sent and shown.
 */
export const connectorTypes = ["csv", "http-json", "script"] as const;
export type ConnectorType = (typeof connectorTypes)[number];

/** How the portal and the API describe a connector (everything but its fetch). */
export type ConnectorDescription = Omit<SourceConnector<ConnectorType>, "fetch">;

const registry = {
  csv: csvConnector,
  "http-json": httpJsonConnector,
  script: scriptConnector,
} satisfies { [Type in ConnectorType]: SourceConnector<Type> };

/**
 * Spellings of earlier versions, accepted on input and converted (stored rows were converted by
 * the migration connector_type_spelling).
 */
const formerSpellings: Readonly<Record<string, ConnectorType>> = { http_json: "http-json" };

/** Every connector, in the order the portal offers them. */
export const connectorCatalogue: readonly SourceConnector<ConnectorType>[] = connectorTypes.map((type) => registry[type]);

export function isConnectorType(value: string): value is ConnectorType {
  return (connectorTypes as readonly string[]).includes(value);
}

/** The registry's spelling of a type given in any accepted spelling; undefined when unknown. */
export function connectorTypeOf(value: string): ConnectorType | undefined {
  if (isConnectorType(value)) return value;
  return Object.hasOwn(formerSpellings, value) ? formerSpellings[value] : undefined;
}

export function describeConnector(type: ConnectorType): SourceConnector<ConnectorType> {
  return registry[type];
}

/** The connector of a stored or requested type (either spelling); undefined when there is none. */
export function findSourceConnector(type: string): SourceConnector<ConnectorType> | undefined {
  const known = connectorTypeOf(type);
  return known === undefined ? undefined : registry[known];
}

export function listConnectors(): SourceConnector<ConnectorType>[] {
  return [...connectorCatalogue];
}

/** The catalogue as served to the portal (GET /connector-types): settings as JSON Schema, no functions. */
export function connectorCatalogueJson() {
  return connectorCatalogue.map(catalogueEntry);
}
