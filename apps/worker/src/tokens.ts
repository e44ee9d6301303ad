/** PRISMA, REDIS and JOB_PRODUCER are the API's tokens too (one infrastructure, @idlife/jobs). */
export { JOB_PRODUCER, PRISMA, REDIS } from "@idlife/jobs";
export const WORKER_CONFIG = Symbol("WORKER_CONFIG");
