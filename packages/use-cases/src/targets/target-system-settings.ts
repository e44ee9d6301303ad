import { findTargetConnector, mergeSecrets, secretNameProblems, secretSizeProblems, separateSecrets, type ConnectorDescription, type TargetConnector } from "@idlife/connectors";
import { isForbiddenKey } from "@idlife/core";
import { checkedSettings } from "../source-systems/connector-settings.ts";
import { badRequest } from "../use-case-error.ts";

/** The connector of a target system's type, or a refusal naming the types there are. */
export function connectorForType(connectorType: string): TargetConnector {
  const connector = findTargetConnector(connectorType);
  if (!connector) throw badRequest("unknown_connector", `Unknown target connector type '${connectorType}'.`);
  return connector;
}

/** The connector's declared secret fields as paths into a target system's API view (for the audit log). */
export function targetAuditSecretPaths(connectorType: string): string[] {
  return connectorForType(connectorType).secretFields.map((path) => `settings.${path}`);
}

// The source side's secret checks read secretMaps too; target connectors have none (no free-form headers).
const describe = (connector: TargetConnector) => ({ ...connector, secretMaps: [] }) as unknown as ConnectorDescription;

/** Refuses secrets a request sends that the connector cannot take, or too many or too long. */
export function checkTargetSecrets(connectorType: string, secrets: Record<string, string | null> | undefined): void {
  if (!secrets) return;
  const tooMuch = secretSizeProblems(secrets);
  if (tooMuch.length > 0) throw badRequest("invalid_secrets", `The secrets are invalid: ${tooMuch.join("; ")}.`, { problems: tooMuch });
  const unknown = secretNameProblems(describe(connectorForType(connectorType)), Object.keys(secrets));
  if (unknown.length > 0) throw badRequest("unknown_secret", `${unknown.join("; ")}.`, { problems: unknown });
}

/** Refuses `__proto__`, `constructor` and `prototype` anywhere in request-supplied settings. */
function refuseForbiddenKeys(value: unknown, where: string): void {
  if (Array.isArray(value)) return value.forEach((inner, index) => refuseForbiddenKeys(inner, `${where}[${index}]`));
  if (value === null || typeof value !== "object") return;
  for (const key of Object.keys(value)) {
    const path = where ? `${where}.${key}` : key;
    if (isForbiddenKey(key)) throw badRequest("forbidden_key", `'${path}' is not allowed as a name in the settings.`);
    refuseForbiddenKeys((value as Record<string, unknown>)[key], path);
  }
}

/**
 * Checks a target connector's settings (with its secrets in place) against its schema, with the
 * connector's own messages, and splits them again: settings to store as they are, secrets to
 * encrypt. A secret typed into the settings (bindPassword in the settings) moves to the secrets.
 */
export function prepareTargetSettings(
  connectorType: string,
  settings: Record<string, unknown>,
  secrets: Record<string, string>,
): { settings: Record<string, unknown>; secrets: Record<string, string> } {
  const connector = connectorForType(connectorType);
  refuseForbiddenKeys(settings, "");
  // A script's secrets are not paths into its settings: they stay beside them.
  const declared = connector.secretNames === "declared";
  const parsed = checkedSettings(connector, declared ? mergeSecrets(settings, secrets) : settings);
  const split = separateSecrets(parsed, connector.secretFields);
  return { settings: split.settings, secrets: { ...(declared ? {} : secrets), ...split.secrets } };
}

/** Stored secrets with the request's changes: a value replaces, null removes, a name left out keeps. */
export function mergeSecretChanges(stored: Record<string, unknown>, changes: Record<string, string | null>): Record<string, string> {
  const merged = new Map(Object.entries(stored).map(([key, value]) => [key, String(value)]));
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) merged.delete(key);
    else merged.set(key, value);
  }
  return Object.fromEntries(merged);
}

/** Every server a target's settings point at (ldaps://dc:636, https://graph.example), as scheme://host:port. */
function destinations(settings: unknown): Set<string> {
  const found = new Set<string>();
  const visit = (value: unknown) => {
    if (typeof value === "string") {
      const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]+)/i.exec(value.trim());
      if (match) found.add(`${match[1]!.toLowerCase()}://${match[2]!.toLowerCase()}`);
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === "object") Object.values(value).forEach(visit);
  };
  visit(settings);
  return found;
}

/**
 * Stored credentials must not follow a target system to a new server unnoticed (a changed URL
 * would send the bind password there on the next test): such a change needs every stored secret
 * again, or null to drop it, in the same request.
 */
export function refuseUnconfirmedTargetSecrets(before: unknown, after: unknown, stored: readonly string[], given: readonly string[]): void {
  const known = destinations(before);
  const added = [...destinations(after)].filter((destination) => !known.has(destination));
  const unconfirmed = stored.filter((name) => !given.includes(name)).sort();
  if (added.length === 0 || unconfirmed.length === 0) return;
  throw badRequest(
    "secrets_reconfirm_required",
    `The settings now point at ${added.join(", ")}, so the stored secrets must be given again (or removed with null) in the same request: ${unconfirmed.join(", ")}.`,
    { secrets: unconfirmed },
  );
}

/** The value at a dot path of request settings (own keys only). */
export function readSetting(settings: Record<string, unknown>, path: string): unknown {
  let current: unknown = settings;
  for (const segment of path.split(".")) current = current !== null && typeof current === "object" && Object.hasOwn(current, segment) ? (current as Record<string, unknown>)[segment] : undefined;
  return current;
}
