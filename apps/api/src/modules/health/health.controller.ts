import { Controller, Inject, Logger } from "@nestjs/common";
import type { Redis } from "ioredis";
import type { Prisma } from "@idlife/db";
import { healthRoutes } from "@idlife/contracts";
import { ApiError } from "../../common/http/api-error.ts";
import { Endpoint, publicAccess } from "../../common/http/endpoint.decorator.ts";
import { PRISMA, REDIS } from "../../infrastructure/tokens.ts";

@Controller()
export class HealthController {
  private readonly logger = new Logger("Health");

  constructor(
    @Inject(PRISMA) private readonly prisma: Prisma,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Endpoint({ route: healthRoutes.check, access: publicAccess })
  async check() {
    try {
      await this.prisma.$queryRaw`SELECT 1`;
      await this.redis.ping();
    } catch (error) {
      // The reason (hosts, roles) goes to the log, not to an anonymous caller.
      this.logger.error(`Health check failed: ${(error as Error).message}`);
      throw new ApiError(503, "unhealthy", "The API cannot reach its database or queue right now.");
    }
    return { status: "ok" as const };
  }
}
