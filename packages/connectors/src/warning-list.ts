import type { ConnectorWarning } from "./types.ts";

const DEFAULT_WARNING_LIMIT = 1_000;

/**
 * Collects warnings up to a limit: a feed with 100,000 odd rows must not produce 100,000 warning
 * objects, but the administrator must still learn how many there were.
 */
export class WarningList {
  private readonly warnings: ConnectorWarning[] = [];
  private dropped = 0;

  constructor(private readonly limit = DEFAULT_WARNING_LIMIT) {}

  add(warning: ConnectorWarning): void {
    if (this.warnings.length < this.limit) this.warnings.push(warning);
    else this.dropped += 1;
  }

  toArray(): ConnectorWarning[] {
    if (this.dropped === 0) return [...this.warnings];
    return [
      ...this.warnings,
      {
        code: "more_warnings",
        message: `${this.dropped} more warnings were not listed (only the first ${this.limit} are kept)`,
      },
    ];
  }
}
