import type { TransactionClient } from "@idlife/db";
import type { JobProducer } from "@idlife/jobs";
import type { TenantScope } from "../tenant-scope.ts";
import { orNotFound } from "../use-case-error.ts";

export interface SourceSystemDeps {
  db: TenantScope;
  jobs: JobProducer;
  /** Encrypts the source's secrets at rest (SECRETS_KEY). */
  secretsKey: Buffer;
}

export async function findSourceSystem(tx: TransactionClient, tenantId: string, id: string) {
  return orNotFound(await tx.sourceSystem.findFirst({ where: { id, tenantId } }), "Source system");
}
