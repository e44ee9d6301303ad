/**
 * Finds the rel="next" target in an RFC 8288 (formerly RFC 5988) Link header, e.g.
 * `<https://api.example/persons?page=2>; rel="next", <...>; rel="last"`. Relation types are
 * case-insensitive and a rel may list several types separated by spaces.
 */
export function findNextLink(linkHeader: string | null): string | undefined {
  if (!linkHeader) return undefined;
  const linkPattern = /<([^>]*)>((?:\s*;\s*[^;,]*)*)/g;
  for (const match of linkHeader.matchAll(linkPattern)) {
    const target = match[1] ?? "";
    const parameters = match[2] ?? "";
    for (const parameter of parameters.split(";")) {
      const [name, rawValue] = parameter.split("=", 2).map((part) => part.trim());
      if (name?.toLowerCase() !== "rel" || rawValue === undefined) continue;
      const relations = rawValue.replace(/^"|"$/g, "").toLowerCase().split(/\s+/);
      if (relations.includes("next")) return target;
    }
  }
  return undefined;
}
