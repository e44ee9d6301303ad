import { Inject, Injectable } from "@nestjs/common";
import { connectorFetch } from "@idlife/connectors";
import type { JobProducer } from "@idlife/jobs";
import { checkScript } from "@idlife/sandbox";
import type { ApiConfig } from "../../config/api-config.ts";
import { TenantDatabase } from "../../infrastructure/tenant-database.ts";
import { API_CONFIG, JOB_PRODUCER } from "../../infrastructure/tokens.ts";

/**
 * What the target-system use cases take from the API, for the request's tenant. One provider,
 * so every controller reaches a target through the same connector fetch (private networks only
 * where CONNECTOR_PRIVATE_NETWORKS allows) and saves mappings with the same script check.
 */
@Injectable()
export class TargetDeps {
  private readonly secretsKey: Buffer;
  // Built once: the setting does not change while the API runs.
  private readonly fetch: typeof fetch;

  constructor(
    @Inject(TenantDatabase) private readonly db: TenantDatabase,
    @Inject(API_CONFIG) config: ApiConfig,
    @Inject(JOB_PRODUCER) private readonly jobs: JobProducer,
  ) {
    this.secretsKey = config.secretsKey;
    this.fetch = connectorFetch(config.CONNECTOR_PRIVATE_NETWORKS);
  }

  /** Reading what the platform stored about the tenant's target systems. */
  read() {
    return { db: this.db.scope() };
  }

  /** Reading and saving a system's settings: secrets encrypted at rest, complex mappings compiled on save. */
  settings() {
    return { db: this.db.scope(), secretsKey: this.secretsKey, checkScript };
  }

  /** Talking to the target system through its connector. */
  connector() {
    return { db: this.db.scope(), secretsKey: this.secretsKey, fetch: this.fetch };
  }

  /** Queuing work for the engine's runner. */
  queue() {
    return { db: this.db.scope(), jobs: this.jobs };
  }
}
