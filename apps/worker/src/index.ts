export { createWorker } from "./create-worker.ts";
export { loadWorkerConfig, type WorkerConfig } from "./worker-config.ts";
export { collectHandlers } from "./job-runner.ts";
