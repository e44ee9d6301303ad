import { Inject, Injectable } from "@nestjs/common";
import type { Redis } from "ioredis";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { ApiError } from "../common/http/api-error.ts";
import type { ApiConfig } from "../config/api-config.ts";
import { API_CONFIG, REDIS } from "./tokens.ts";

/**
 * Redis-backed limits, shared by every API process. Each purpose has its own buckets, so that
 * (for example) someone requesting reset links for a person's address cannot stop that person
 * from signing in.
 */
@Injectable()
export class RateLimits {
  private readonly limiters: Record<"signInIp" | "signInEmail" | "resetEmail" | "accountIp" | "apiKey", RateLimiterRedis>;

  constructor(@Inject(REDIS) redis: Redis, @Inject(API_CONFIG) config: ApiConfig) {
    const limiter = (name: string, points: number, duration: number) =>
      new RateLimiterRedis({ storeClient: redis, keyPrefix: `${config.queue.prefix}:rate:${name}`, points, duration });
    this.limiters = {
      signInIp: limiter("sign-in-ip", config.SIGN_IN_ATTEMPTS_PER_MINUTE_PER_IP, 60),
      signInEmail: limiter("sign-in-email", config.SIGN_IN_ATTEMPTS_PER_15_MINUTES_PER_EMAIL, 15 * 60),
      resetEmail: limiter("reset-email", 5, 60 * 60),
      accountIp: limiter("account-ip", 20, 60 * 60),
      apiKey: limiter("api-key", config.API_KEY_REQUESTS_PER_MINUTE, 60),
    };
  }

  async consumeSignIn(ipAddress: string, email: string): Promise<void> {
    await consume(this.limiters.signInIp, ipAddress, "Too many sign-in attempts from this address.");
    await consume(this.limiters.signInEmail, email, "Too many sign-in attempts for this account.");
  }

  async consumePasswordResetRequest(ipAddress: string, email: string): Promise<void> {
    await consume(this.limiters.accountIp, ipAddress, "Too many requests from this address.");
    await consume(this.limiters.resetEmail, email, "Too many reset requests for this address.");
  }

  async consumeSignUp(ipAddress: string): Promise<void> {
    await consume(this.limiters.accountIp, ipAddress, "Too many sign-ups from this address.");
  }

  async consumeApiKey(apiKeyId: string): Promise<void> {
    await consume(this.limiters.apiKey, apiKeyId, "This API key has made too many requests.");
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
