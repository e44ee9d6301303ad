import { Controller, Inject, Logger } from "@nestjs/common";
import type { ApiConfig } from "../../config/api-config.ts";
import { z } from "zod";
import { currentContext, type Prisma } from "@idlife/db";
import { createdTenantSchema, createTenantRequestSchema, tenantSchema } from "@idlife/contracts";
import { QUEUE_NAMES, type JobProducer } from "@idlife/jobs";
import { notFound } from "../../common/http/api-error.ts";
import { Endpoint, platformAdmin } from "../../common/http/endpoint.decorator.ts";
import { ValidBody, ValidParams } from "../../common/http/validated.ts";
import { API_CONFIG, JOB_PRODUCER, PRISMA } from "../../infrastructure/tokens.ts";
import { createTenant } from "../tenants/create-tenant.ts";
import { toTenantResponse } from "@idlife/use-cases";

const tags = ["Platform"];
const jobSchema = z.object({
  id: z.string(),
  name: z.string(),
  queue: z.string(),
  state: z.string(),
  attemptsMade: z.number(),
  failedReason: z.string().nullable(),
  returnValue: z.unknown(),
});
const jobParamsSchema = z.strictObject({ queue: z.enum(QUEUE_NAMES), jobId: z.string().min(1).max(200) });

@Controller("platform")
export class PlatformController {
  private readonly logger = new Logger("Platform");

  constructor(
    @Inject(PRISMA) private readonly prisma: Prisma,
    @Inject(JOB_PRODUCER) private readonly jobs: JobProducer,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Endpoint({ method: "GET", path: "tenants", access: platformAdmin, summary: "All tenants", tags, response: z.array(tenantSchema) })
  async listTenants() {
    return (await this.prisma.tenant.findMany({ orderBy: { name: "asc" } })).map(toTenantResponse);
  }

  @Endpoint({ method: "POST", path: "tenants", access: platformAdmin, summary: "Create a tenant with its owner (a new owner without a password gets a link to set one)", tags, body: createTenantRequestSchema, response: createdTenantSchema })
  async createTenant(@ValidBody() body: z.infer<typeof createTenantRequestSchema>) {
    const { tenant, invitation } = await createTenant(this.prisma, { ...body, origin: "platform" });
    // Mail delivery arrives with notifications; until then the platform administrator passes the link on.
    const link = invitation ? `${this.config.publicUrl}/reset-password?token=${invitation}` : undefined;
    if (link && !this.config.production) this.logger.log(`Invitation link for ${body.owner.email}: ${link}`);
    return { ...toTenantResponse(tenant), ...(link && this.config.invitationLinksInAnswer ? { ownerInvitationLink: link } : {}) };
  }

  @Endpoint({ method: "POST", path: "maintenance/cleanup", status: 202, access: platformAdmin, summary: "Delete expired sessions and reset tokens now (runs on the worker)", tags, response: z.object({ queue: z.string(), jobId: z.string() }) })
  async cleanup() {
    const actor = currentContext().actor;
    const job = await this.jobs.enqueue("maintenance.cleanup-expired-auth", {
      trigger: "manual",
      ...(actor?.type === "user" ? { requestedBy: actor.id } : {}),
    });
    return { queue: job.queueName, jobId: job.id! };
  }

  @Endpoint({ method: "GET", path: "jobs/:queue/:jobId", access: platformAdmin, summary: "State of a job", tags, params: jobParamsSchema, response: jobSchema })
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
