/** Injection tokens for infrastructure shared across modules. */
export const API_CONFIG = Symbol("API_CONFIG");
export const PRISMA = Symbol("PRISMA");
export const REDIS = Symbol("REDIS");
export const JOB_PRODUCER = Symbol("JOB_PRODUCER");
