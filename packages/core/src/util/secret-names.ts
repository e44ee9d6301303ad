/**
 * Whether a setting's or header's name says its value is a secret (apiKey, api_key, X-Api-Key,
 * clientSecret, accessToken, Authorization, Cookie, privateKey, password, …). Used to move such
 * values out of plain settings into the encrypted store, and to keep them out of the audit log.
 * It errs towards secret: a false alarm hides a value, a miss leaks one.
 */
export function looksSecretName(name: string): boolean {
  const squashed = name.toLowerCase().replace(/[^a-z0-9]/g, "");
  if (SECRET_FRAGMENTS.some((fragment) => squashed.includes(fragment))) return true;
  const words = wordsOf(name);
  const last = words.at(-1);
  if (last === undefined) return false;
  if (WEAK_LAST_WORDS.has(last)) return true;
  // "key" alone or after anything but a word that makes it an identifier (sourceKey, personKey).
  if (last === "key" || last === "keys") return !NON_SECRET_KEY_PREFIXES.has(words.at(-2) ?? "");
  return false;
}

const SECRET_FRAGMENTS = ["password", "passwd", "passphrase", "secret", "token", "apikey", "credential", "bearer", "authorization", "cookie", "private"];
/** Secret when they end the name: "auth", "basicAuth", "pwd" (but not "authUrl"). */
const WEAK_LAST_WORDS = new Set(["auth", "pwd", "pin"]);
/** Keys that name a column or record, not a credential. */
const NON_SECRET_KEY_PREFIXES = new Set([
  "source", "person", "join", "department", "contract", "sort", "primary", "foreign", "partition", "lookup", "external",
  "match", "group", "record", "row", "column", "field", "idempotency", "cache", "map", "object", "unique",
]);

/** "X-Api-Key" → x, api, key; "clientSecret" → client, secret; "api_key" → api, key. */
function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}
