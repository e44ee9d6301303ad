/** Turns a tenant name into a URL-safe slug: "Stichting Openbaar Onderwijs Zuid" -> "stichting-openbaar-onderwijs-zuid". */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 50)
    .replace(/-+$/g, "");
  return slug.length >= 1 ? slug : "tenant";
}
