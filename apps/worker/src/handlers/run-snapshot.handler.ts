import { asTenantId } from "@idlife/db";
import { evaluateChangedPersons } from "../snapshots/evaluate-changed-persons.ts";
import { remapSources } from "../imports/remap-sources.ts";
import { jobHandler } from "../job-handler.ts";
import { runSnapshot } from "../snapshots/run-snapshot.ts";

export const RunSnapshotHandler = jobHandler("snapshot.run", "Snapshot", async ({ prisma, producer, config }, payload) => {
  const fixed = config.FIXED_TODAY;
  const outcome = await runSnapshot(
    { prisma, remapSources: (tenantId, today) => remapSources(prisma, asTenantId(tenantId), today), ...(fixed ? { today: () => fixed } : {}) },
    payload,
  );
  // The persons a snapshot changed are evaluated and enforced on their own, within seconds.
  if (!("skipped" in outcome)) await evaluateChangedPersons({ prisma, jobs: producer, today: fixed }, { tenantId: payload.tenantId, personIds: outcome.decidedPersonIds, full: outcome.mode === "full" });
  return outcome;
});
