type SettingsObject = Record<string, unknown>;

function isObject(value: unknown): value is SettingsObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
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
    const segments = path.split(".");
    const leaf = segments.pop()!;
    let parent: unknown = publicSettings;
    for (const segment of segments) parent = isObject(parent) ? parent[segment] : undefined;
    if (isObject(parent) && typeof parent[leaf] === "string") {
      secrets[path] = parent[leaf];
      delete parent[leaf];
    }
  }
  return { settings: publicSettings, secrets };
}

/** Puts decrypted secrets back into stored settings, for the worker that runs the connector. */
export function mergeSecrets(settings: SettingsObject, secrets: Record<string, string>): SettingsObject {
  const merged = structuredClone(settings);
  for (const [path, value] of Object.entries(secrets)) {
    const segments = path.split(".");
    const leaf = segments.pop()!;
    let parent: SettingsObject = merged;
    for (const segment of segments) {
      if (!isObject(parent[segment])) parent[segment] = {};
      parent = parent[segment] as SettingsObject;
    }
    parent[leaf] = value;
  }
  return merged;
}
