import "reflect-metadata";
import { NestFactory } from "@nestjs/core";
import { WorkerModule } from "./worker.module.ts";
import type { WorkerConfig } from "./worker-config.ts";

/** The worker process: a Nest application context without HTTP. */
export async function createWorker(config: WorkerConfig) {
  const app = await NestFactory.createApplicationContext(WorkerModule.forConfig(config), {
    logger: config.NODE_ENV === "test" ? ["error"] : ["log", "error", "warn"],
  });
  await app.init();
  return app;
}
