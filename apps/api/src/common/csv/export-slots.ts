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

/** What the slots are for: their Redis key part, the error code and how the refusal names them. */
export interface SlotKind {
  key: string;
  code: string;
  /** Plural, for the message: "exports", "previews of uploaded files". */
  noun: string;
}

const EXPORTS: SlotKind = { key: "exports", code: "export_busy", noun: "exports" };

/**
 * How many heavy requests of one kind (exports, previews of uploaded files) one tenant may run at
 * once, across every API process: a few large ones must not take the memory and database time
 * that other tenants' requests need.
 */
export class ExportSlots {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly perTenant: number,
    private readonly kind: SlotKind = EXPORTS,
  ) {}

  async acquire(tenantId: string): Promise<ExportSlot> {
    const key = `${this.keyPrefix}:${this.kind.key}:${tenantId}`;
    const lease = randomUUID();
    const now = Date.now();
    const granted = await this.redis.eval(ACQUIRE, 1, key, now, now + LEASE_MS, this.perTenant, lease, LEASE_MS);
    if (granted !== 1) {
      throw new ApiError(
        429,
        this.kind.code,
        `This tenant already runs ${this.perTenant} ${this.kind.noun} at once, the most allowed; try again when one has finished (in about ${RETRY_AFTER_SECONDS} seconds).`,
        { retryAfterSeconds: RETRY_AFTER_SECONDS, perTenant: this.perTenant },
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

/**
 * A preview on the uploaded files loads them (up to UPLOAD_LIMIT_BYTES each) and parses them in the
 * API process: one at a time per tenant.
 */
export const uploadPreviewSlots = (redis: Redis, config: { queue: { prefix: string } }) =>
  new ExportSlots(redis, config.queue.prefix, 1, { key: "upload-previews", code: "preview_busy", noun: "preview of uploaded files" });
