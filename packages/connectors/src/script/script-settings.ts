import { z } from "zod";

export const SCRIPT_MAX_LENGTH = 256 * 1024;
export const SCRIPT_CONFIG_MAX_BYTES = 64 * 1024;
export const SCRIPT_MAX_ALLOWED_HOSTS = 50;
export const SCRIPT_MAX_TIMEOUT_MS = 30 * 60_000;
export const SCRIPT_MAX_MEMORY_MB = 1024;

/** A host name as the HTTP bridge compares it ("api.example.com", "10.0.0.5"), or "*" for any host. */
const allowedHost = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(\*|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])$/, {
    error: 'must be a host name such as "api.example.com" (no scheme, path or port), or "*" for any host',
  });

/**
 * A script connector: JavaScript run in the sandbox. `config` is plain, non-secret JSON handed
 * to the script; passwords and tokens go in the source system's secrets (a secret-looking key
 * typed into `config` is moved there), which are stored encrypted and never shown.
 */
export const scriptSettingsSchema = z.strictObject({
  script: z.string().min(1, { error: "the script is empty" }).max(SCRIPT_MAX_LENGTH, { error: `the script may be at most ${SCRIPT_MAX_LENGTH / 1024} KB` }),
  config: z
    .record(z.string().max(200), z.json())
    .default({})
    .refine((config) => JSON.stringify(config).length <= SCRIPT_CONFIG_MAX_BYTES, {
      error: `config may be at most ${SCRIPT_CONFIG_MAX_BYTES / 1024} KB of JSON`,
    }),
  /** Hosts the script may call through its HTTP bridge; none by default. */
  allowedHosts: z.array(allowedHost).max(SCRIPT_MAX_ALLOWED_HOSTS).default([]),
  /** Wall-clock limit of one run, HTTP waits included (the sandbox's default is 5 minutes). */
  timeoutMs: z.number().int().min(1_000).max(SCRIPT_MAX_TIMEOUT_MS).optional(),
  memoryLimitMb: z.number().int().min(16).max(SCRIPT_MAX_MEMORY_MB).optional(),
});

export type ScriptSettingsInput = z.input<typeof scriptSettingsSchema>;
export type ScriptSettings = z.output<typeof scriptSettingsSchema>;
