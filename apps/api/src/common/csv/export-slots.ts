import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { ApiError } from "../http/api-error.ts";

// A sorted set per tenant: one member per running export, scored by when its lease expires. Stale
// leases (an API process that died mid-export, a client that stopped reading) drop out by
// themselves; a running export renews its lease with every batch it writes.
const ACQUIRE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1`;

const LEASE_MS = 60_000;
/** A guess at how long an export takes; the caller may simply try again then. */
const RETRY_AFTER_SECONDS = 30;

export interface ExportSlot {
  /** Keeps the slot while the export makes progress. */
  renew(): Promise<void>;
  release(): Promise<void>;
}

/**
 * How many exports of one tenant may run at once, across every API process: a few large exports
 * must not take the memory and database time that other tenants' requests need.
 */
export class ExportSlots {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly perTenant: number,
  ) {}

  async acquire(tenantId: string): Promise<ExportSlot> {
    const key = `${this.keyPrefix}:exports:${tenantId}`;
    const lease = randomUUID();
    const now = Date.now();
    const granted = await this.redis.eval(ACQUIRE, 1, key, now, now + LEASE_MS, this.perTenant, lease, LEASE_MS);
    if (granted !== 1) {
      throw new ApiError(
        429,
        "export_busy",
        `${this.perTenant} exports of this tenant are already running; try again when one has finished (in about ${RETRY_AFTER_SECONDS} seconds).`,
        { retryAfterSeconds: RETRY_AFTER_SECONDS, exportsPerTenant: this.perTenant },
      );
    }
    return {
      renew: async () => {
        await this.redis.multi().zadd(key, "XX", Date.now() + LEASE_MS, lease).pexpire(key, LEASE_MS).exec();
      },
      release: async () => {
        await this.redis.zrem(key, lease);
      },
    };
  }
}

/** The slots every export of the API shares: a tenant runs a few exports at a time, of any kind. */
export const sharedExportSlots = (redis: Redis, config: { queue: { prefix: string }; PERSONS_EXPORTS_PER_TENANT: number }) =>
  new ExportSlots(redis, config.queue.prefix, config.PERSONS_EXPORTS_PER_TENANT);
