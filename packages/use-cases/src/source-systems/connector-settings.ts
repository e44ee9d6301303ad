import type { z } from "zod";
import { badRequest } from "../use-case-error.ts";
import { credentialRiskOfChange, findSourceConnector, mergeSecrets, moveSecretLookingValues, secretNameProblems, secretSizeProblems, separateSecrets, type ConnectorDescription } from "@idlife/connectors";
import { CronExpressionParser } from "cron-parser";
import { MappingDefinitionSchema, isValidTimeZone } from "@idlife/core";
import { separatePushSettings } from "./push-settings.ts";

function findConnector(connectorType: string): ConnectorDescription {
  const connector = findSourceConnector(connectorType);
  if (!connector) throw badRequest("unknown_connector", `Unknown connector type '${connectorType}'.`);
  return connector;
}

/** The connector's declared secret fields as paths into a source system's API view (for the audit log). */
export function auditSecretPaths(connectorType: string): string[] {
  return findConnector(connectorType).secretFields.map((path) => `settings.${path}`);
}

/** Refuses secrets sent in a request that the connector cannot take, or too many or too long. */
export function checkRequestSecrets(connectorType: string, secrets: Record<string, string | null> | undefined): void {
  if (!secrets) return;
  const tooMuch = secretSizeProblems(secrets);
  if (tooMuch.length > 0) throw badRequest("invalid_secrets", `The secrets are invalid: ${tooMuch.join("; ")}.`, { problems: tooMuch });
  const unknown = secretNameProblems(findConnector(connectorType), Object.keys(secrets));
  if (unknown.length > 0) throw badRequest("unknown_secret", `${unknown.join("; ")}.`, { problems: unknown });
}

/** Names of the secrets typed into these (unchecked) settings: a token in auth.token, an apiKey in config. */
function secretsTypedIntoSettings(connector: ConnectorDescription, settings: Record<string, unknown>): string[] {
  const split = separateSecrets(settings, connector.secretFields);
  return [...Object.keys(split.secrets), ...Object.keys(moveSecretLookingValues(connector, split.settings).secrets)];
}

/**
 * Stored credentials must not follow a source to a new host or another kind of authentication
 * unnoticed: such a change needs every stored secret again (or null to drop it) in the same
 * request, given in secrets or typed into the new settings.
 */
export function refuseUnconfirmedSecrets(
  source: { connectorType: string; settings: unknown },
  newSettings: Record<string, unknown>,
  secrets: { stored: readonly string[]; given: Record<string, string | null> | undefined; typedInto: Record<string, unknown> },
): void {
  const risk = credentialRiskOfChange((source.settings ?? {}) as Record<string, unknown>, newSettings);
  if (!risk) return;
  const confirmed = new Set([...Object.keys(secrets.given ?? {}), ...secretsTypedIntoSettings(findConnector(source.connectorType), secrets.typedInto)]);
  const unconfirmed = secrets.stored.filter((name) => !confirmed.has(name)).sort();
  if (unconfirmed.length === 0) return;
  throw badRequest(
    "secrets_reconfirm_required",
    `${risk}, so the stored secrets must be given again (or removed with null) in the same request: ${unconfirmed.join(", ")}.`,
    { secrets: unconfirmed },
  );
}

/**
 * Checks a connector's settings (with its secrets in place) against its schema, with the
 * connector's own error messages, and splits them again: settings to store as they are, and
 * secrets to encrypt. A secret typed into the settings (a token in auth.token, an apiKey in a
 * script's config, an Authorization header) is moved to the secrets too, so it is never stored
 * or returned in plain text. Secrets that no longer apply (a password after switching to bearer)
 * are dropped.
 */
export function prepareConnectorSettings(
  connectorType: string,
  settings: Record<string, unknown>,
  secrets: Record<string, string>,
  /** The secrets this request sends (the rest are stored ones), to catch one given twice. */
  requestSecrets: Record<string, string | null> = secrets,
): { settings: Record<string, unknown>; secrets: Record<string, string> } {
  const connector = findConnector(connectorType);
  const { connectorSettings, push } = separatePushSettings(settings);
  settings = connectorSettings;
  // A script's secrets are not paths into its settings: they stay beside them.
  const declared = connector.secretNames === "declared";
  const parsed = checkedSettings(connector, declared ? mergeSecrets(settings, secrets) : settings);
  const split = separateSecrets(parsed, connector.secretFields);
  const moved = moveSecretLookingValues(connector, split.settings);
  if (moved.problems.length > 0) {
    throw badRequest("secret_in_settings", `Secrets cannot be stored in the settings: ${moved.problems.join("; ")}.`, { problems: moved.problems });
  }
  const twice = Object.keys(moved.secrets).filter((name) => Object.hasOwn(requestSecrets, name) && requestSecrets[name] !== moved.secrets[name]);
  if (twice.length > 0) {
    throw badRequest("secret_given_twice", `${twice.map((name) => `'${name}'`).join(", ")} is given both in the settings and in secrets with different values; keep one.`);
  }
  return { settings: push ? { ...moved.settings, push } : moved.settings, secrets: { ...(declared ? {} : secrets), ...split.secrets, ...moved.secrets } };
}

/** Settings checked against a (source or target) connector's schema, or refused naming the first wrong field in the connector's words. */
export function checkedSettings(connector: { label: string; settingsSchema: z.ZodType }, settings: unknown): Record<string, unknown> {
  const parsed = connector.settingsSchema.safeParse(settings);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badRequest("invalid_settings", `The ${connector.label} settings are invalid at '${issue?.path.join(".")}': ${issue?.message}`, {
      issues: parsed.error.issues.map((entry) => ({ path: entry.path.join("."), message: entry.message })),
    });
  }
  return parsed.data as Record<string, unknown>;
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
