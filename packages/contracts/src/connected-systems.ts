import { z } from "zod";

/*
 * What source and target systems share: a name, a connector with its settings, and secrets
 * (passwords, tokens, client secrets) that are stored encrypted and never returned.
 */

const nameSchema = z.string().trim().min(1).max(100);
const settingsSchema = z.record(z.string(), z.unknown());
const secretSchema = z.string().max(10_000);

/** The fields that connect a new system. */
export const connectionRequestShape = <ConnectorType extends z.ZodType>(connectorType: ConnectorType) => ({
  name: nameSchema,
  connectorType,
  settings: settingsSchema.default({}),
  secrets: z.record(z.string(), secretSchema).optional(),
});

/** The fields that change a system's connection: a secret that is left out keeps its value; null removes it. */
export const connectionChangeShape = {
  name: nameSchema.optional(),
  settings: settingsSchema.optional(),
  secrets: z.record(z.string(), secretSchema.nullable()).optional(),
};

/** A system's connection as answers show it: which secrets are set, never their values. */
export const connectionShape = <ConnectorType extends z.ZodType>(connectorType: ConnectorType) => ({
  id: z.uuid(),
  name: z.string(),
  connectorType,
  settings: settingsSchema,
  secretsSet: z.array(z.string()),
});
