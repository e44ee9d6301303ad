import { Logger } from "@nestjs/common";
import { createWorker } from "./create-worker.ts";
import { loadWorkerConfig } from "./worker-config.ts";

const logger = new Logger("Worker");
const config = loadWorkerConfig();
const worker = await createWorker(config);
logger.log("Worker started; waiting for jobs");

// Finish the jobs in hand, then exit 0. A second signal exits at once; the job in hand is then
// returned to the queue when its lock expires.
let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.log(`${signal}: finishing jobs in hand before exiting`);
    // A job that outlives the grace period is left to its lock: when the lock expires, BullMQ's
    // stalled-job check hands it to another worker, so it is retried rather than lost.
    setTimeout(() => {
      logger.warn(`Jobs still running after ${config.WORKER_SHUTDOWN_TIMEOUT_MS} ms; exiting. They will be retried.`);
      process.exit(1);
    }, config.WORKER_SHUTDOWN_TIMEOUT_MS).unref();
    worker.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`Shutdown failed: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  });
}
