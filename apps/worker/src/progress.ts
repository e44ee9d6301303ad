/**
 * Reports progress of long work at most every `intervalMs`, plus once at the end, so that a
 * 100,000-person import updates its row a few times a second rather than 100,000 times.
 */
export class ProgressReporter<T> {
  private last = 0;
  private pending: T | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly write: (progress: T) => Promise<void>,
    private readonly intervalMs = 500,
  ) {}

  report(progress: T): void {
    this.pending = progress;
    const now = Date.now();
    if (now - this.last < this.intervalMs) return;
    this.last = now;
    this.flushPending();
  }

  async flush(): Promise<void> {
    this.flushPending();
    await this.writing;
  }

  private flushPending() {
    const progress = this.pending;
    if (progress === undefined) return;
    this.pending = undefined;
    this.writing = this.writing.then(() => this.write(progress)).catch(() => undefined);
  }
}
