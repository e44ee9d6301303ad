import { afterAll, beforeAll } from "vitest";

/**
 * One peer for the tests of a file: started before them, stopped after them, found under `key` of
 * the returned holder (`slapd.peer`, `graph.server`) once the tests run.
 */
export function usePeer<Key extends string, Peer extends { stop(): Promise<unknown> }>(key: Key, start: () => Promise<Peer>, startTimeoutMs: number): Record<Key, Peer> {
  const holder = {} as Record<Key, Peer>;
  beforeAll(async () => {
    holder[key] = await start();
  }, startTimeoutMs);
  afterAll(async () => {
    await holder[key]?.stop();
  });
  return holder;
}
