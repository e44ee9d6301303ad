import { z } from "zod";
import { connectorTypeSchema } from "./source-systems.ts";

/** One connector of GET /connector-types: what the portal needs to offer it and build its form. */
export const connectorTypeInfoSchema = z.object({
  type: connectorTypeSchema,
  label: z.string(),
  description: z.string(),
  capabilities: z.object({ uploads: z.boolean(), network: z.boolean(), departments: z.boolean(), script: z.boolean() }),
  /** Dot paths into the settings that hold secrets (stored encrypted, never returned). */
  secretFields: z.array(z.string()),
  /** "any": a script names its own secrets. */
  secretNames: z.enum(["declared", "any"]),
  /** The settings as JSON Schema (draft 2020-12), as sent in requests. */
  settingsSchema: z.record(z.string(), z.unknown()),
});
export type ConnectorTypeInfo = z.infer<typeof connectorTypeInfoSchema>;
export const connectorTypeListSchema = z.array(connectorTypeInfoSchema);
