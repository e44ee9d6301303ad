import { connectorFetch } from "@idlife/connectors";
import { jobHandler } from "../job-handler.ts";
import { runTargetActions } from "../targets/run-target-actions.ts";

export const RunTargetActionsHandler = jobHandler("target.run-actions", "TargetActions", ({ prisma, producer, config }, payload) =>
  runTargetActions(
    {
      prisma,
      secretsKey: config.secretsKey,
      jobs: producer,
      fetch: connectorFetch(config.CONNECTOR_PRIVATE_NETWORKS),
      // One run per system is active at a time, so a running row older than the job's lock belongs to a dead worker.
      staleAfterMs: config.queues.enforce.lockDurationMs,
      busyPolicy: config.targetBusyPolicy,
    },
    payload,
  ),
);
