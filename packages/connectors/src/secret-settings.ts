import { looksSecretName } from "@idlife/core";
import type { ConnectorDescription } from "./connector-catalogue.ts";

export const MAX_SECRETS = 50;
export const MAX_SECRET_LENGTH = 10_000;
/** Names of a script connector's secrets: what the script calls them. */
export const SECRET_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const FORBIDDEN_NAMES = new Set(["__proto__", "constructor", "prototype"]);

type SettingsObject = Record<string, unknown>;

const isObject = (value: unknown): value is SettingsObject => value !== null && typeof value === "object" && !Array.isArray(value);

function objectAt(settings: SettingsObject, path: string): SettingsObject | undefined {
  let current: unknown = settings;
  for (const segment of path.split(".")) current = isObject(current) && Object.hasOwn(current, segment) ? current[segment] : undefined;
  return isObject(current) ? current : undefined;
}

/** Problems with how many secrets a request sends and how long they are, as readable sentences. */
export function secretSizeProblems(secrets: Record<string, string | null>): string[] {
  const entries = Object.entries(secrets);
  if (entries.length > MAX_SECRETS) return [`at most ${MAX_SECRETS} secrets, not ${entries.length}`];
  return entries
    .filter(([, value]) => typeof value === "string" && value.length > MAX_SECRET_LENGTH)
    .map(([name]) => `secret '${name.slice(0, 80)}' is longer than ${MAX_SECRET_LENGTH} characters`);
}

/**
 * Secret names the connector has no place for, as readable sentences; empty when all are fine.
 * A connector with declared secret fields takes those (and secret headers); a script connector
 * takes any name a script can use.
 */
export function secretNameProblems(connector: ConnectorDescription, names: readonly string[]): string[] {
  return names
    .filter((name) => !acceptsSecretName(connector, name))
    .map((name) =>
      connector.secretNames === "any"
        ? `secret name '${name.slice(0, 80)}' must start with a letter or _ and hold only letters, digits and _ (at most 64)`
        : `'${name.slice(0, 80)}' is not a secret of the ${connector.label} connector; use ${[...connector.secretFields, ...connector.secretMaps.map((map) => `${map.namePrefix}<secret header name>`)].join(", ")}`,
    );
}

function acceptsSecretName(connector: ConnectorDescription, name: string): boolean {
  if (FORBIDDEN_NAMES.has(name)) return false;
  if (connector.secretNames === "any") return SECRET_NAME_PATTERN.test(name);
  if (connector.secretFields.includes(name)) return true;
  return connector.secretMaps.some(
    (map) => map.namePrefix !== "" && name.startsWith(map.namePrefix) && isMovableName(connector, name.slice(map.namePrefix.length)),
  );
}

function isMovableName(connector: ConnectorDescription, key: string): boolean {
  if (FORBIDDEN_NAMES.has(key)) return false;
  // A header's name becomes one segment of a secret path: plain letters, digits, - and _ only.
  return connector.secretNames === "any" ? SECRET_NAME_PATTERN.test(key) : /^[A-Za-z][A-Za-z0-9_-]{0,99}$/.test(key) && looksSecretName(key);
}

/**
 * Moves values whose key looks secret (apiKey, token, Authorization, …) out of the connector's
 * free-form objects (a script's `config`, extra HTTP headers) into the secrets, so they are
 * stored encrypted and never returned. Secret-looking values that cannot be moved (an object,
 * a nested key) are problems: the administrator puts them into the secrets by hand.
 */
export function moveSecretLookingValues(
  connector: ConnectorDescription,
  settings: SettingsObject,
): { settings: SettingsObject; secrets: Record<string, string>; problems: string[] } {
  const publicSettings = structuredClone(settings);
  const secrets: Record<string, string> = {};
  const problems: string[] = [];
  for (const map of connector.secretMaps) {
    const container = objectAt(publicSettings, map.path);
    if (!container) continue;
    for (const [key, value] of Object.entries(container)) {
      const where = `${map.path}.${key}`;
      if (!looksSecretName(key)) {
        problems.push(...nestedSecretProblems(value, where));
        continue;
      }
      if (value === null || typeof value === "boolean") continue;
      if (typeof value !== "string" && typeof value !== "number") {
        problems.push(`${where} looks like a secret but is not text; give each secret value on its own in secrets`);
      } else if (!isMovableName(connector, key)) {
        problems.push(`${where} looks like a secret, but its name cannot name one: use letters, digits and _ (and - in a header name)`);
      } else {
        secrets[`${map.namePrefix}${key}`] = String(value);
        delete container[key];
      }
    }
  }
  return { settings: publicSettings, secrets, problems };
}

/** A secret-looking key deeper down cannot be named as a secret: refuse it rather than store it. */
function nestedSecretProblems(value: unknown, where: string): string[] {
  if (Array.isArray(value)) return value.flatMap((inner, index) => nestedSecretProblems(inner, `${where}[${index}]`));
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    looksSecretName(key) && inner !== null && typeof inner !== "boolean"
      ? [`${where}.${key} looks like a secret; give it in secrets (a top-level name) instead`]
      : nestedSecretProblems(inner, `${where}.${key}`),
  );
}
