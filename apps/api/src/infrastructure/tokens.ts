/** Injection tokens for infrastructure shared across modules (PRISMA, REDIS, JOB_PRODUCER: the worker's too). */
export { JOB_PRODUCER, PRISMA, REDIS } from "@idlife/jobs";
export const API_CONFIG = Symbol("API_CONFIG");
