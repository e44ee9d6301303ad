/** Ids per `in` list (PostgreSQL takes at most 65,535 parameters per statement). */
const IDS_PER_QUERY = 10_000;

/** Loads rows for many keys, at most IDS_PER_QUERY keys per query. */
export async function inChunks<T>(keys: readonly string[], load: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (let start = 0; start < keys.length; start += IDS_PER_QUERY) rows.push(...(await load(keys.slice(start, start + IDS_PER_QUERY))));
  return rows;
}
