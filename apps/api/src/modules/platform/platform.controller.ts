import { Controller, Inject, Logger } from "@nestjs/common";
import type { ApiConfig } from "../../config/api-config.ts";
import { z } from "zod";
import { currentContext, type Prisma } from "@idlife/db";
import { createTenantRequestSchema, platformRoutes } from "@idlife/contracts";
import { type JobProducer } from "@idlife/jobs";
import { notFound } from "../../common/http/api-error.ts";
import { Endpoint, platformAdmin } from "../../common/http/endpoint.decorator.ts";
import { ValidBody, ValidParams } from "../../common/http/validated.ts";
import { API_CONFIG, JOB_PRODUCER, PRISMA } from "../../infrastructure/tokens.ts";
import { createTenant, toTenantResponse } from "@idlife/use-cases";

const jobParamsSchema = platformRoutes.job.params;

@Controller()
export class PlatformController {
  private readonly logger = new Logger("Platform");

  constructor(
    @Inject(PRISMA) private readonly prisma: Prisma,
    @Inject(JOB_PRODUCER) private readonly jobs: JobProducer,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Endpoint({ route: platformRoutes.listTenants, access: platformAdmin })
  async listTenants() {
    return (await this.prisma.tenant.findMany({ orderBy: { name: "asc" } })).map(toTenantResponse);
  }

  @Endpoint({ route: platformRoutes.createTenant, access: platformAdmin })
  async createTenant(@ValidBody() body: z.infer<typeof createTenantRequestSchema>) {
    const { tenant, invitation } = await createTenant({ prisma: this.prisma }, { ...body, origin: "platform" });
    // Mail delivery arrives with notifications; until then the platform administrator passes the link on.
    const link = invitation ? `${this.config.publicUrl}/reset-password?token=${invitation}` : undefined;
    if (link && !this.config.production) this.logger.log(`Invitation link for ${body.owner.email}: ${link}`);
    return { ...toTenantResponse(tenant), ...(link && this.config.invitationLinksInAnswer ? { ownerInvitationLink: link } : {}) };
  }

  @Endpoint({ route: platformRoutes.cleanup, status: 202, access: platformAdmin })
  async cleanup() {
    const actor = currentContext().actor;
    const job = await this.jobs.enqueue("maintenance.cleanup-expired-auth", {
      trigger: "manual",
      ...(actor?.type === "user" ? { requestedBy: actor.id } : {}),
    });
    return { queue: job.queueName, jobId: job.id! };
  }

  @Endpoint({ route: platformRoutes.job, access: platformAdmin })
  async job(@ValidParams() params: z.infer<typeof jobParamsSchema>) {
    const found = await this.jobs.queue(params.queue).getJob(params.jobId);
    if (!found) throw notFound("Job");
    // State first, then the job's data: read the other way round, a job finishing in between
    // would show as completed without its result.
    const state = await found.getState();
    const job = (await this.jobs.queue(params.queue).getJob(params.jobId)) ?? found;
    return {
      id: job.id!,
      name: job.name,
      queue: job.queueName,
      state,
      attemptsMade: job.attemptsMade,
      failedReason: job.failedReason ?? null,
      returnValue: job.returnvalue ?? null,
    };
  }
}
