/**
 * Person search as the portal does it: the persons list query of the API (listPersons, with its
 * count), as the application role under row-level security, for terms taken from the data:
 * parts of family names, ExternalIds, email addresses and a few short common fragments.
 */
import { withTenant, type Prisma, type TenantId } from "../../packages/db/src/index.ts";
import { listPersons } from "../../apps/api/src/modules/persons/list-persons.ts";

export interface SearchFigures {
  searches: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** The page after 2,000 persons by cursor (what offset paging made slow). */
  deepPageMs: number;
}

const percentile = (sorted: number[], share: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!;

async function searchTerms(owner: Prisma, tenantId: TenantId, count: number): Promise<string[]> {
  const sample = await owner.$queryRaw<Array<{ display_name: string; external_id: string; search_text: string }>>`
    SELECT display_name, external_id, search_text FROM persons WHERE tenant_id = ${tenantId}::uuid ORDER BY md5(id::text) LIMIT ${count}`;
  const terms = sample.map((person, index) => {
    const words = person.display_name.toLowerCase().split(/\s+/).filter((word) => word.length >= 4);
    const email = person.search_text.split(/\s+/).find((word) => word.includes("@"));
    switch (index % 4) {
      case 0: return (words.at(-1) ?? person.display_name).slice(0, 5);
      case 1: return person.external_id;
      case 2: return email ? email.slice(0, Math.min(email.length, 12)) : person.external_id;
      default: return (words[0] ?? person.display_name).slice(1, 4);
    }
  });
  return terms.filter((term) => term.length > 0);
}

export async function measurePersonSearch(app: Prisma, owner: Prisma, tenantId: TenantId, count = 50): Promise<SearchFigures> {
  const terms = await searchTerms(owner, tenantId, count);
  const query = { limit: 50, offset: 0 } as const;
  // One search before measuring: the first query of a connection plans and caches.
  await withTenant(app, tenantId, (tx) => listPersons(tx, tenantId, { ...query, search: terms[0] }));
  const times: number[] = [];
  for (const search of terms) {
    const started = performance.now();
    await withTenant(app, tenantId, (tx) => listPersons(tx, tenantId, { ...query, search }));
    times.push(performance.now() - started);
  }
  let cursor: string | null = null;
  for (let page = 0; page < 4; page++) {
    const result = await withTenant(app, tenantId, (tx) => listPersons(tx, tenantId, { limit: 500, offset: 0, ...(cursor ? { cursor } : {}) }));
    cursor = result.nextCursor;
  }
  const deepStarted = performance.now();
  await withTenant(app, tenantId, (tx) => listPersons(tx, tenantId, { limit: 50, offset: 0, ...(cursor ? { cursor } : {}) }));
  const deepPageMs = performance.now() - deepStarted;
  const sorted = [...times].sort((a, b) => a - b);
  return { searches: times.length, medianMs: percentile(sorted, 0.5), p95Ms: percentile(sorted, 0.95), maxMs: sorted.at(-1) ?? 0, deepPageMs };
}
