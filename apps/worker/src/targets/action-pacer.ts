/** Spaces starts evenly at `ratePerSecond` (null: no limit), shared by all lanes of one run. */
export function createPacer(ratePerSecond: number | null): () => Promise<void> {
  const spacingMs = ratePerSecond ? 1000 / ratePerSecond : 0;
  let nextStart = 0;
  return async () => {
    if (spacingMs === 0) return;
    const startAt = Math.max(nextStart, Date.now());
    nextStart = startAt + spacingMs;
    const wait = startAt - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  };
}

/** How many lanes `inLanes` runs for this many items. */
export const laneCount = (items: number, concurrency: number) => Math.max(1, Math.min(concurrency, items));

/** Runs `task` for every item, at most `concurrency` at once; each lane knows its number (0, 1, ...). */
export async function inLanes<Item>(items: readonly Item[], concurrency: number, task: (item: Item, lane: number) => Promise<void>): Promise<void> {
  let index = 0;
  const lane = async (_: unknown, number: number) => {
    while (index < items.length) await task(items[index++]!, number);
  };
  await Promise.all(Array.from({ length: laneCount(items.length, concurrency) }, lane));
}
