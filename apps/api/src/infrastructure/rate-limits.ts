import { Inject, Injectable } from "@nestjs/common";
import type { Redis } from "ioredis";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { ApiError } from "../common/http/api-error.ts";
import type { ApiConfig } from "../config/api-config.ts";
import { API_CONFIG, REDIS } from "./tokens.ts";

/**
 * How long an (address, account) pair waits after its latest failure: nothing below the
 * threshold, then 1, 2, 4 ... minutes, never more than the cap.
 */
export function signInBackoffSeconds(failures: number, threshold: number, capMinutes: number): number {
  if (failures < threshold) return 0;
  return Math.min(60 * 2 ** Math.min(failures - threshold, 30), Math.round(capMinutes * 60));
}

/**
 * Redis-backed limits, shared by every API process. Each purpose has its own buckets, so that
 * (for example) someone requesting reset links for a person's address cannot stop that person
 * from signing in, and wrong passwords from one address do not hold up the account elsewhere.
 */
@Injectable()
export class RateLimits {
  private readonly limiters: Record<"signInIp" | "pairFailures" | "pairWait" | "resetEmail" | "accountIp" | "apiKey", RateLimiterRedis>;

  constructor(
    @Inject(REDIS) redis: Redis,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {
    const limiter = (name: string, points: number, duration: number) =>
      new RateLimiterRedis({ storeClient: redis, keyPrefix: `${config.queue.prefix}:rate:${name}`, points, duration });
    this.limiters = {
      signInIp: limiter("sign-in-ip", config.SIGN_IN_ATTEMPTS_PER_MINUTE_PER_IP, 60),
      // A counter (failures of a pair within a day), not a limit: the wait below is the limit.
      pairFailures: limiter("sign-in-pair-failures", Number.MAX_SAFE_INTEGER, 24 * 60 * 60),
      pairWait: limiter("sign-in-pair-wait", 1, 1),
      resetEmail: limiter("reset-email", 5, 60 * 60),
      accountIp: limiter("account-ip", 20, 60 * 60),
      apiKey: limiter("api-key", config.API_KEY_REQUESTS_PER_MINUTE, 60),
    };
  }

  /** Before checking a password: the address's overall rate, then this pair's backoff. */
  async consumeSignIn(ipAddress: string, email: string): Promise<void> {
    await consume(this.limiters.signInIp, ipAddress, "Too many sign-in attempts from this address.");
    const waiting = await this.limiters.pairWait.get(pairKey(ipAddress, email));
    if (waiting && waiting.consumedPoints > 1 && waiting.msBeforeNext > 0) {
      throw rateLimited("Too many failed sign-ins for this account from this address.", waiting.msBeforeNext);
    }
  }

  /** A wrong password (or unknown address): counts against this pair only. */
  async recordSignInFailure(ipAddress: string, email: string): Promise<void> {
    const key = pairKey(ipAddress, email);
    const counted = await this.limiters.pairFailures.penalty(key, 1);
    const wait = signInBackoffSeconds(counted.consumedPoints, this.config.LOCKOUT_AFTER_FAILURES, this.config.LOCKOUT_MINUTES);
    if (wait > 0) await this.limiters.pairWait.block(key, wait);
  }

  /** A successful sign-in costs the address nothing and clears the pair's failures. */
  async recordSignInSuccess(ipAddress: string, email: string): Promise<void> {
    const key = pairKey(ipAddress, email);
    await Promise.all([this.limiters.signInIp.reward(ipAddress, 1), this.limiters.pairFailures.delete(key), this.limiters.pairWait.delete(key)]);
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

const pairKey = (ipAddress: string, email: string) => `${ipAddress} ${email}`;

function rateLimited(reason: string, msBeforeNext: number) {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new ApiError(429, "rate_limited", `${reason} Try again in ${retryAfterSeconds} seconds.`, { retryAfterSeconds });
}

async function consume(limiter: RateLimiterRedis, key: string, reason: string) {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw rateLimited(reason, error.msBeforeNext);
    throw error;
  }
}
