/**
 * A fixed delay in whole seconds, 0 to `jitterSeconds` inclusive, that a source's scheduled
 * runs start after their cron time. It is derived from the source's id, so it is the same on
 * every worker and every run, and sources sharing a cron expression spread over the jitter window
 * instead of all pulling at once.
 */
export function jitterFor(sourceSystemId: string, jitterSeconds: number): number {
  if (!Number.isFinite(jitterSeconds) || jitterSeconds < 1) return 0;
  return fnv1a(sourceSystemId) % (Math.floor(jitterSeconds) + 1);
}

/** 32-bit FNV-1a: tiny, stable across runtimes, and spreads similar ids (UUIDs) well. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
