import "reflect-metadata";
import { NestFactory } from "@nestjs/core";
import { checkServedQueues } from "./job-runner.ts";
import { WorkerModule } from "./worker.module.ts";
import type { WorkerConfig } from "./worker-config.ts";

/** The worker process: a Nest application context without HTTP. */
export async function createWorker(config: WorkerConfig) {
  // Before anything connects: a queue without settings stops the start with nothing to clean up.
  checkServedQueues(config.queues);
  const app = await NestFactory.createApplicationContext(WorkerModule.forConfig(config), {
    logger: config.NODE_ENV === "test" ? ["error"] : ["log", "error", "warn"],
  });
  await app.init();
  return app;
}
