import { Logger } from "@nestjs/common";
import { createWorker } from "./create-worker.ts";
import { loadWorkerConfig } from "./worker-config.ts";

const logger = new Logger("Worker");
const worker = await createWorker(loadWorkerConfig());
logger.log("Worker started; waiting for jobs");

// Finish the jobs in hand, then exit 0. A second signal exits at once; the job in hand is then
// returned to the queue when its lock expires.
let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.log(`${signal}: finishing jobs in hand before exiting`);
    worker.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`Shutdown failed: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  });
}
