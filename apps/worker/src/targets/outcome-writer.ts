import type { FinishedAction } from "./record-outcome.ts";

/** Outcomes written together at most: one transaction's statements stay small. */
const MAX_WRITE = 250;

/**
 * Writes finished actions' outcomes while the lanes go on with their next action (group commit):
 * everything that finished while one write was under way goes into the next, so a fast target
 * costs one transaction per handful of actions instead of one each, and the target never waits
 * for the database. Each outcome is still written in one transaction with its account and audit
 * entry; until then its row says running, which a crash leaves for the next run to look up.
 */
export class OutcomeWriter {
  private pending: FinishedAction[] = [];
  private draining: Promise<void> = Promise.resolve();
  /** Set and cleared inside the drain loop itself, so an outcome added as it ends starts the next one. */
  private active = false;
  private failure: unknown = null;

  constructor(private readonly write: (batch: FinishedAction[]) => Promise<void>) {}

  add(finished: FinishedAction): void {
    this.pending.push(finished);
    if (this.active) return;
    this.active = true;
    this.draining = this.drain();
  }

  /** Everything added so far is written; throws what a write threw (its rows stay running). */
  async flushed(): Promise<void> {
    while (this.active) await this.draining;
    if (this.failure) throw this.failure;
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, MAX_WRITE);
        try {
          await this.write(batch);
        } catch {
          // One outcome the database refuses must not take the others with it: each alone.
          for (const finished of batch) {
            await this.write([finished]).catch((error: unknown) => {
              this.failure ??= error;
            });
          }
        }
      }
    } finally {
      this.active = false;
    }
  }
}
