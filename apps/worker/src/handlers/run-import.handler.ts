import { Inject, Injectable } from "@nestjs/common";
import type { Prisma } from "@idlife/db";
import { connectorFetch } from "@idlife/connectors";
import type { JobPayload, JobProducer } from "@idlife/jobs";
import { evaluateChangedPersons } from "../snapshots/evaluate-changed-persons.ts";
import { runImport } from "../imports/run-import.ts";
import { HandlesJob, type JobHandler } from "../job-handler.ts";
import { JOB_PRODUCER, PRISMA, WORKER_CONFIG } from "../tokens.ts";
import type { WorkerConfig } from "../worker-config.ts";

@Injectable()
@HandlesJob("import.run")
export class RunImportHandler implements JobHandler<"import.run"> {
  constructor(
    @Inject(PRISMA) private readonly prisma: Prisma,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    @Inject(JOB_PRODUCER) private readonly jobs: JobProducer,
  ) {}

  handle(payload: JobPayload<"import.run">) {
    const fixed = this.config.FIXED_TODAY;
    return runImport(
      {
        prisma: this.prisma,
        secretsKey: this.config.secretsKey,
        fetch: connectorFetch(this.config.CONNECTOR_PRIVATE_NETWORKS),
        mappingTimeoutMs: this.config.MAPPING_SCRIPT_TIMEOUT_MS,
        ...(fixed ? { today: () => fixed } : {}),
        // The persons an import (or a push) changed are evaluated and enforced on their own, within seconds.
        afterSnapshot: (tenantId, decided) => evaluateChangedPersons({ prisma: this.prisma, jobs: this.jobs, ...(fixed ? { today: fixed } : {}) }, { tenantId, ...decided }),
      },
      payload,
    );
  }
}
