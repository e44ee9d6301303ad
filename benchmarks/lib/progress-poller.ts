/**
 * Watches an import from a second connection, as the portal does: reads the import row (and its
 * snapshot's row) every 50 ms and timestamps every change of the reported phase. This is what an
 * administrator sees; the pipeline writes progress at most every 500 ms, so a short phase can be
 * missing here and boundaries can be late by up to that. The exact split comes from the SQL trace.
 */
import { ignoreConnection, pg, type PgClient } from "./query-trace.ts";

export interface ObservedPhase {
  at: number;
  phase: string;
}

export class ProgressPoller {
  private readonly client: PgClient;
  private timer: NodeJS.Timeout | undefined;
  private polling = false;
  private observed: ObservedPhase[] = [];
  private lastPhase = "";

  constructor(ownerUrl: string) {
    this.client = new pg.Client({ connectionString: ownerUrl });
    ignoreConnection(this.client);
    this.client.on("error", () => {});
  }

  async connect(): Promise<void> {
    await this.client.connect();
  }

  start(importId: string, intervalMs = 50): void {
    this.observed = [];
    this.lastPhase = "";
    const poll = async () => {
      if (this.polling) return; // the previous poll has not come back yet
      this.polling = true;
      try {
        const { rows } = await this.client.query<{ status: string; phase: string | null; detail: string | null; snapshot: string | null }>(
          `SELECT i.status, i.progress->>'phase' AS phase, i.progress->>'detail' AS detail,
                  (SELECT s.counts->>'phase' FROM snapshots s WHERE s.import_id = i.id ORDER BY s.started_at DESC LIMIT 1) AS snapshot
           FROM imports i WHERE i.id = $1`,
          [importId],
        );
        const row = rows[0];
        if (row) {
          let phase = row.phase ?? row.status;
          if (row.detail) phase += `/${row.detail}`;
          if (phase === "snapshot" && row.snapshot) phase += `/${row.snapshot}`;
          if (phase !== this.lastPhase) {
            this.lastPhase = phase;
            this.observed.push({ at: performance.timeOrigin + performance.now(), phase });
          }
        }
      } catch {
        // The benchmark's own connection: a failed poll only loses one sample.
      } finally {
        this.polling = false;
      }
    };
    this.timer = setInterval(() => void poll(), intervalMs);
    void poll();
  }

  stop(): ObservedPhase[] {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    return this.observed;
  }

  async close(): Promise<void> {
    this.stop();
    await this.client.end().catch(() => {});
  }
}
