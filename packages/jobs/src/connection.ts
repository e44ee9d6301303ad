import { Redis, type RedisOptions } from "ioredis";

export interface QueueConfig {
  redisUrl: string;
  /** Key prefix in Redis; tests use their own so runs never see each other's jobs. */
  prefix: string;
}

export function resolveQueueConfig(env: NodeJS.ProcessEnv = process.env): QueueConfig {
  return {
    redisUrl: env.REDIS_URL ?? "redis://127.0.0.1:6379",
    prefix: env.QUEUE_PREFIX ?? "idlife",
  };
}

/** BullMQ workers need maxRetriesPerRequest null: blocking commands must wait, not fail. */
export function createRedisConnection(redisUrl: string, options: RedisOptions = {}): Redis {
  return new Redis(redisUrl, { maxRetriesPerRequest: null, enableReadyCheck: true, ...options });
}
