import { badRequest } from "../../common/http/api-error.ts";
import { checkSecretPaths, connectorCatalogue, mergeSecrets, SecretPathError, separateSecrets } from "@idlife/connectors";
import { CronExpressionParser } from "cron-parser";
import { MappingDefinitionSchema, isValidTimeZone } from "@idlife/core";

/**
 * Checks a connector's settings (with its secrets in place) against its schema, with the
 * connector's own error messages, and splits them again: settings to store as they are, and
 * secrets to encrypt. A secret typed into the settings (a token in auth.token) is moved to the
 * secrets too, so it is never stored or returned in plain text.
 */
export function prepareConnectorSettings(
  connectorType: string,
  settings: Record<string, unknown>,
  secrets: Record<string, string>,
): { settings: Record<string, unknown>; secrets: Record<string, string> } {
  const connector = connectorCatalogue.find((entry) => entry.type === connectorType.replace("_", "-"));
  if (!connector) throw badRequest("unknown_connector", `Unknown connector type '${connectorType}'.`);
  try {
    checkSecretPaths(secrets, connector.secretFields);
  } catch (error) {
    if (!(error instanceof SecretPathError)) throw error;
    throw badRequest("unknown_secret", error.message, { path: error.path, allowed: error.allowed });
  }
  const parsed = connector.settingsSchema.safeParse(mergeSecrets(settings, secrets, connector.secretFields));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badRequest("invalid_settings", `The ${connector.label} settings are invalid at '${issue?.path.join(".")}': ${issue?.message}`, {
      issues: parsed.error.issues.map((entry) => ({ path: entry.path.join("."), message: entry.message })),
    });
  }
  const split = separateSecrets(parsed.data as Record<string, unknown>, connector.secretFields);
  return { settings: split.settings, secrets: { ...secrets, ...split.secrets } };
}

/** Checks a mapping: known target fields, ExternalId mapped, well-formed rules (messages from the domain). */
export function validateMapping(mapping: { person: unknown; contract: unknown; department?: unknown }) {
  const { department, ...tabs } = mapping;
  const parsed = MappingDefinitionSchema.safeParse(tabs);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badRequest("invalid_mapping", `The mapping is invalid at '${issue?.path.join(".")}': ${issue?.message}`, { issues: parsed.error.issues });
  }
  return { ...parsed.data, ...(department ? { department } : {}) };
}

/** A schedule must name a real time zone and a cron expression that parses, or it would never run. */
export function validateSchedule<T extends { cron: string; timeZone: string } | null | undefined>(schedule: T): T {
  if (!schedule) return schedule;
  if (!isValidTimeZone(schedule.timeZone)) {
    throw badRequest("invalid_schedule", `Unknown time zone '${schedule.timeZone}'; use an IANA name such as Europe/Amsterdam.`);
  }
  try {
    CronExpressionParser.parse(schedule.cron, { tz: schedule.timeZone });
  } catch (error) {
    throw badRequest("invalid_schedule", `The cron expression '${schedule.cron}' is invalid: ${(error as Error).message}`);
  }
  return schedule;
}
