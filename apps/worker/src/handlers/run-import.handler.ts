import { connectorFetch } from "@idlife/connectors";
import { evaluateChangedPersons } from "../snapshots/evaluate-changed-persons.ts";
import { runImport } from "../imports/run-import.ts";
import { jobHandler } from "../job-handler.ts";

export const RunImportHandler = jobHandler("import.run", "Import", ({ prisma, producer, config }, payload) => {
  const fixed = config.FIXED_TODAY;
  return runImport(
    {
      prisma,
      secretsKey: config.secretsKey,
      fetch: connectorFetch(config.CONNECTOR_PRIVATE_NETWORKS),
      mappingTimeoutMs: config.MAPPING_SCRIPT_TIMEOUT_MS,
      ...(fixed ? { today: () => fixed } : {}),
      // The persons an import (or a push) changed are evaluated and enforced on their own, within seconds.
      afterSnapshot: (tenantId, decided) => evaluateChangedPersons({ prisma, jobs: producer, ...(fixed ? { today: fixed } : {}) }, { tenantId, ...decided }),
    },
    payload,
  );
});
