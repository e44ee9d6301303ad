/**
 * JSON with object keys sorted at every level, so that two equal values give equal text however
 * their keys were ordered (PostgreSQL's jsonb reorders keys; a freshly mapped person does not).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}
