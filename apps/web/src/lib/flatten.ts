export const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Nested plain objects as dotted paths to their values ("Name.GivenName"), for the views that
 * compare a before and an after field by field. `isLeaf` stops the descent early (an empty
 * object shown as {}); `keep` decides which leaves are listed at all.
 */
export function flattenPaths(
  value: unknown,
  { keep, isLeaf = () => false }: { keep: (value: unknown, path: string) => boolean; isLeaf?: (value: Record<string, unknown>, path: string) => boolean },
): Map<string, unknown> {
  const into = new Map<string, unknown>();
  const visit = (current: unknown, prefix: string) => {
    if (!isPlainObject(current) || isLeaf(current, prefix)) {
      if (keep(current, prefix)) into.set(prefix, current);
      return;
    }
    for (const [key, inner] of Object.entries(current)) visit(inner, prefix ? `${prefix}.${key}` : key);
  };
  visit(value, "");
  return into;
}
