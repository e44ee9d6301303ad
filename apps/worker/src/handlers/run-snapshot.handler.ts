import { Inject, Injectable } from "@nestjs/common";
import { asTenantId, type Prisma } from "@idlife/db";
import type { JobPayload } from "@idlife/jobs";
import { remapSources } from "../imports/remap-sources.ts";
import { HandlesJob, type JobHandler } from "../job-handler.ts";
import { runSnapshot } from "../snapshots/run-snapshot.ts";
import { PRISMA } from "../tokens.ts";

@Injectable()
@HandlesJob("snapshot.run")
export class RunSnapshotHandler implements JobHandler<"snapshot.run"> {
  constructor(@Inject(PRISMA) private readonly prisma: Prisma) {}

  handle(payload: JobPayload<"snapshot.run">) {
    return runSnapshot({ prisma: this.prisma, remapSources: (tenantId) => remapSources(this.prisma, asTenantId(tenantId)) }, payload);
  }
}
