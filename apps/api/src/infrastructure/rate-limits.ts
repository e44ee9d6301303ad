import { Inject, Injectable } from "@nestjs/common";
import type { Redis } from "ioredis";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { ApiError } from "../common/http/api-error.ts";
import type { ApiConfig } from "../config/api-config.ts";
import { API_CONFIG, REDIS } from "./tokens.ts";

/** Redis-backed limits, shared by every API process. */
@Injectable()
export class RateLimits {
  private readonly signInPerIp: RateLimiterRedis;
  private readonly signInPerEmail: RateLimiterRedis;
  private readonly perApiKey: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, @Inject(API_CONFIG) config: ApiConfig) {
    const keyPrefix = `${config.queue.prefix}:rate`;
    this.signInPerIp = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${keyPrefix}:sign-in-ip`,
      points: config.SIGN_IN_ATTEMPTS_PER_MINUTE_PER_IP,
      duration: 60,
    });
    this.signInPerEmail = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${keyPrefix}:sign-in-email`,
      points: config.SIGN_IN_ATTEMPTS_PER_15_MINUTES_PER_EMAIL,
      duration: 15 * 60,
    });
    this.perApiKey = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${keyPrefix}:api-key`,
      points: config.API_KEY_REQUESTS_PER_MINUTE,
      duration: 60,
    });
  }

  async consumeSignIn(ipAddress: string, email: string): Promise<void> {
    await consume(this.signInPerIp, ipAddress, "Too many sign-in attempts from this address.");
    await consume(this.signInPerEmail, email, "Too many sign-in attempts for this account.");
  }

  async consumeApiKey(apiKeyId: string): Promise<void> {
    await consume(this.perApiKey, apiKeyId, "This API key has made too many requests.");
  }
}

async function consume(limiter: RateLimiterRedis, key: string, reason: string) {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      const retryAfterSeconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw new ApiError(429, "rate_limited", `${reason} Try again in ${retryAfterSeconds} seconds.`, { retryAfterSeconds });
    }
    throw error;
  }
}
