import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";

/**
 * Takes a slot when fewer than `cap` unexpired leases are held: one sorted set per tenant and
 * queue, member = lease id, score = expiry (Redis' own clock, so workers' clocks may differ).
 * Atomic, so two workers never both take the last slot.
 */
const ACQUIRE = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`;

/** Extends a lease that is still held; a lease that expired meanwhile is not revived. */
const RENEW = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local expiry = redis.call('ZSCORE', KEYS[1], ARGV[2])
if not expiry or tonumber(expiry) < now then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[1]), ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 1`;

export interface TenantSlotLease {
  release(): Promise<void>;
}

/**
 * Per-tenant shares of a queue's worker slots. A job holds a lease while it runs; the lease is
 * renewed while the job runs and expires `ttlMs` after a worker dies, so a crash never keeps a
 * tenant's slot taken for good.
 */
export class TenantSlots {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlMs: number,
  ) {}

  private key(queue: string, tenantId: string) {
    return `${this.prefix}:tenant-slots:${queue}:${tenantId}`;
  }

  /** A lease on one of the tenant's `cap` slots of the queue, or undefined when all are taken. */
  async acquire(queue: string, tenantId: string, cap: number): Promise<TenantSlotLease | undefined> {
    const key = this.key(queue, tenantId);
    const leaseId = randomUUID();
    const taken = await this.redis.eval(ACQUIRE, 1, key, cap, this.ttlMs, leaseId);
    if (taken !== 1) return undefined;
    const renewal = setInterval(() => {
      this.redis.eval(RENEW, 1, key, this.ttlMs, leaseId).catch(() => undefined);
    }, Math.max(100, Math.floor(this.ttlMs / 3)));
    renewal.unref();
    return {
      release: async () => {
        clearInterval(renewal);
        // A lease that cannot be removed expires on its own.
        await this.redis.zrem(key, leaseId).catch(() => undefined);
      },
    };
  }
}
