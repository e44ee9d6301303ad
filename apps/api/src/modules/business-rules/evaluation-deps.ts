import { Inject, Injectable } from "@nestjs/common";
import { currentContext } from "@idlife/db";
import type { JobProducer } from "@idlife/jobs";
import type { TenantScope } from "@idlife/use-cases";
import { TenantDatabase } from "../../infrastructure/tenant-database.ts";
import { JOB_PRODUCER } from "../../infrastructure/tokens.ts";

/**
 * What the evaluation use cases take from the API, for the request's tenant: its data, the queue
 * for evaluation and enforcement runs, and who acts (for a person's hold). Passed as it is, like
 * CsvExports: each use case reads the part it needs.
 */
@Injectable()
export class EvaluationDeps {
  constructor(
    @Inject(TenantDatabase) private readonly tenantDatabase: TenantDatabase,
    @Inject(JOB_PRODUCER) readonly jobs: JobProducer,
  ) {}

  get db(): TenantScope {
    return this.tenantDatabase.scope();
  }

  get actorId(): string | null {
    return currentContext().actor?.label ?? null;
  }
}
