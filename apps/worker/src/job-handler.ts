import { SetMetadata } from "@nestjs/common";
import type { Job } from "bullmq";
import type { JobName, JobPayload } from "@idlife/jobs";

export const JOB_HANDLER_METADATA = "idlife:job-handler";

/** Marks a provider as the handler of one catalog job. Exactly one handler per job name. */
export const HandlesJob = (name: JobName) => SetMetadata(JOB_HANDLER_METADATA, name);

export interface JobHandler<Name extends JobName = JobName> {
  handle(payload: JobPayload<Name>, job: Job): Promise<unknown>;
}
