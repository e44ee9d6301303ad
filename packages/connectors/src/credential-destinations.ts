type SettingsObject = Record<string, unknown>;

/**
 * Where a source's stored credentials may be sent: the origin (scheme, host, port) of every
 * http(s) URL in its settings, and a script connector's allowed hosts. When this grows, the
 * credentials would reach a server they were never given to.
 */
export function credentialDestinations(settings: SettingsObject): Set<string> {
  const destinations = new Set<string>();
  const visit = (value: unknown, key: string | undefined) => {
    if (typeof value === "string") {
      if (key === "allowedHosts") destinations.add(`host:${value.trim().toLowerCase()}`);
      else if (/^https?:\/\//i.test(value) && URL.canParse(value)) destinations.add(new URL(value).origin);
    } else if (Array.isArray(value)) {
      for (const inner of value) visit(inner, key);
    } else if (value !== null && typeof value === "object") {
      for (const [innerKey, inner] of Object.entries(value)) visit(inner, innerKey);
    }
  };
  visit(settings, undefined);
  return destinations;
}

/** The kind of every `auth` object in the settings, by where it is ("auth", "download.auth"). */
export function authKinds(settings: SettingsObject): Map<string, unknown> {
  const kinds = new Map<string, unknown>();
  const visit = (value: unknown, path: string) => {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return;
    for (const [key, inner] of Object.entries(value)) {
      const innerPath = path ? `${path}.${key}` : key;
      if (key === "auth" && inner !== null && typeof inner === "object" && "type" in inner) kinds.set(innerPath, inner.type);
      else visit(inner, innerPath);
    }
  };
  visit(settings, "");
  return kinds;
}

/**
 * Why a change of settings puts the stored credentials at risk (a new host, another kind of
 * authentication), or undefined when it does not.
 */
export function credentialRiskOfChange(before: SettingsObject, after: SettingsObject): string | undefined {
  const known = credentialDestinations(before);
  const added = [...credentialDestinations(after)].filter((destination) => !known.has(destination));
  if (added.length > 0) return `the settings now send requests to ${added.map((entry) => entry.replace(/^host:/, "")).join(", ")}`;
  const kindsBefore = authKinds(before);
  for (const [path, kind] of authKinds(after)) {
    if (kindsBefore.has(path) && kindsBefore.get(path) !== kind) return `${path}.type changed from '${String(kindsBefore.get(path))}' to '${String(kind)}'`;
  }
  return undefined;
}
