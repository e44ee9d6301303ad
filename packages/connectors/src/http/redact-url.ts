/** Query parameter names that usually carry credentials (API keys, SAS signatures, tokens). */
const SENSITIVE_PARAM = /(token|key|secret|password|passwd|pwd|sig|signature|auth|credential)/i;

/**
 * The URL as it may appear in a message: credentials in the user-info part and in sensitive
 * query parameters are replaced, everything else stays so the administrator recognises it.
 */
export function redactUrl(url: string, extraSecretParams: readonly string[] = []): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (parsed.username) parsed.username = "***";
  if (parsed.password) parsed.password = "***";
  const secrets = new Set(extraSecretParams);
  for (const name of [...new Set(parsed.searchParams.keys())]) {
    if (secrets.has(name) || SENSITIVE_PARAM.test(name)) parsed.searchParams.set(name, "***");
  }
  // URLSearchParams encodes "*" as "%2A"; show the readable form.
  return parsed.toString().replaceAll("%2A%2A%2A", "***");
}
