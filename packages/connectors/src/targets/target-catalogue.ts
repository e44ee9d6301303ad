import { catalogueEntry } from "../catalogue-entry.ts";
import { entraIdConnector } from "./entra-id/entra-id-connector.ts";
import { ldapConnector } from "./ldap/ldap-connector.ts";
import { scimConnector } from "./scim/scim-connector.ts";
import { scriptTargetConnector } from "./script/script-target-connector.ts";
import type { TargetConnector } from "./target-connector.ts";

/**
 * The target connector registry: every target connector, registered once, in the order the
 * portal offers them. Its type is the one spelling stored, sent and shown. Each connector adds
 * its type here and its entry to `registry` (the `satisfies` keeps the two in step).
 */
export const targetConnectorTypes = ["ldap", "entra-id", "scim", "script"] as const;
export type TargetConnectorType = (typeof targetConnectorTypes)[number];

const registry = {
  ldap: ldapConnector,
  "entra-id": entraIdConnector,
  scim: scimConnector,
  script: scriptTargetConnector,
} satisfies { [Type in TargetConnectorType]: TargetConnector<Type> };

export function isTargetConnectorType(value: string): value is TargetConnectorType {
  return (targetConnectorTypes as readonly string[]).includes(value);
}

/** The connector of a stored or requested type; undefined when there is none. */
export function findTargetConnector(type: string): TargetConnector<TargetConnectorType> | undefined {
  return isTargetConnectorType(type) ? (registry as Record<string, TargetConnector<TargetConnectorType>>)[type] : undefined;
}

export function listTargetConnectors(): TargetConnector<TargetConnectorType>[] {
  return targetConnectorTypes.map((type) => (registry as Record<string, TargetConnector<TargetConnectorType>>)[type]!);
}

/** The catalogue as served to the portal (GET /target-connector-types): no functions. */
export function targetCatalogueJson() {
  return listTargetConnectors().map((connector) => ({
    ...catalogueEntry(connector),
    accountAttributes: connector.accountAttributes.map((attribute) => ({ ...attribute })),
    defaultCorrelationAttribute: connector.defaultCorrelationAttribute,
  }));
}
