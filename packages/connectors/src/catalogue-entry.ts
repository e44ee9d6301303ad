import { z } from "zod";

/** What source and target connectors share in the catalogue served to the portal. */
interface Describable {
  type: string;
  label: string;
  description: string;
  capabilities: object;
  secretFields: readonly string[];
  secretNames: "declared" | "any";
  settingsSchema: z.ZodType;
}

/**
 * A connector as the portal sees it: its settings as JSON Schema (the shape of what is sent,
 * defaults included) and its secret fields; no functions.
 */
export function catalogueEntry<Connector extends Describable>(connector: Connector) {
  return {
    type: connector.type as Connector["type"],
    label: connector.label,
    description: connector.description,
    capabilities: connector.capabilities as Connector["capabilities"],
    secretFields: [...connector.secretFields],
    secretNames: connector.secretNames,
    settingsSchema: z.toJSONSchema(connector.settingsSchema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>,
  };
}
