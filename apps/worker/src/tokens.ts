export const WORKER_CONFIG = Symbol("WORKER_CONFIG");
export const PRISMA = Symbol("PRISMA");
export const REDIS = Symbol("REDIS");
export const JOB_PRODUCER = Symbol("JOB_PRODUCER");
