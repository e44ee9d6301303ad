import { isForbiddenKey } from "@idlife/core";

type SettingsObject = Record<string, unknown>;

function isObject(value: unknown): value is SettingsObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** A secret path names a declared secret field of the connector; anything else is refused. */
export class SecretPathError extends Error {
  constructor(
    readonly path: string,
    readonly allowed: readonly string[],
  ) {
    const known = allowed.length > 0 ? `one of ${allowed.join(", ")}` : "none: this connector takes no secrets";
    super(`'${path}' is not a secret of this connector (secrets are ${known}).`);
    this.name = "SecretPathError";
  }
}

// Plain names joined by dots: no "__proto__", no "constructor", nothing that walks off the settings.
const SAFE_SEGMENT = /^[A-Za-z][A-Za-z0-9_-]*$/;

function segmentsOf(path: string, allowed: readonly string[] | undefined): string[] {
  const segments = path.split(".");
  const safe = segments.every((segment) => SAFE_SEGMENT.test(segment) && !isForbiddenKey(segment));
  if (!safe || (allowed && !allowed.includes(path))) throw new SecretPathError(path, allowed ?? []);
  return segments;
}

/**
 * Splits settings into what may be stored and shown as is, and the secret values (by dot path)
 * the platform encrypts. Paths that do not apply (auth type "none" has no password) are skipped.
 */
export function separateSecrets(
  settings: SettingsObject,
  secretFields: readonly string[],
): { settings: SettingsObject; secrets: Record<string, string> } {
  const publicSettings = structuredClone(settings);
  const secrets: Record<string, string> = {};
  for (const path of secretFields) {
    const segments = segmentsOf(path, undefined);
    const leaf = segments.pop()!;
    let parent: unknown = publicSettings;
    for (const segment of segments) parent = isObject(parent) && Object.hasOwn(parent, segment) ? parent[segment] : undefined;
    if (isObject(parent) && Object.hasOwn(parent, leaf) && typeof parent[leaf] === "string") {
      secrets[path] = parent[leaf];
      delete parent[leaf];
    }
  }
  return { settings: publicSettings, secrets };
}

/**
 * Puts decrypted secrets back into stored settings, for the worker that runs the connector.
 * Each path is checked first (a plain dotted name, and one of `secretFields` when given), so a
 * path such as "__proto__.x" throws SecretPathError instead of reaching Object.prototype.
 */
export function mergeSecrets(settings: SettingsObject, secrets: Record<string, string>, secretFields?: readonly string[]): SettingsObject {
  const merged = structuredClone(settings);
  for (const [path, value] of Object.entries(secrets)) {
    const segments = segmentsOf(path, secretFields);
    const leaf = segments.pop()!;
    let parent: SettingsObject = merged;
    for (const segment of segments) {
      if (!Object.hasOwn(parent, segment) || !isObject(parent[segment])) parent[segment] = {};
      parent = parent[segment] as SettingsObject;
    }
    parent[leaf] = value;
  }
  return merged;
}
