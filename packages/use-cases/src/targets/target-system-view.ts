import { containerMappingSchema, correlationSchema, passwordPolicySchema, targetFieldMappingSchema, targetThresholdsSchema, type TargetSystemView } from "@idlife/contracts";
import { decryptSecrets, type TransactionClient } from "@idlife/db";
import type { JobProducer } from "@idlife/jobs";
import { z } from "zod";
import type { TenantScope } from "../tenant-scope.ts";
import { orNotFound } from "../use-case-error.ts";
import type { ScriptChecker } from "./target-field-mapping-checks.ts";

export interface TargetSystemDeps {
  db: TenantScope;
  /** Encrypts the system's secrets at rest (SECRETS_KEY). */
  secretsKey: Buffer;
  /** Compiles complex mapping scripts on save (the API passes the sandbox's); left out, scripts are checked when run. */
  checkScript?: ScriptChecker;
  jobs?: JobProducer;
}

export type TargetSystemRow = {
  id: string;
  name: string;
  connectorType: string;
  settings: unknown;
  secrets: Uint8Array | null;
  fieldMapping: unknown;
  correlation: unknown;
  container: unknown;
  passwordPolicy: unknown;
  usesAccountDataFrom: string[];
  concurrency: number;
  thresholds: unknown;
  ratePerSecond: number | null;
  pausedUntil: Date | null;
  pauseReason: string | null;
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
};

export async function findTargetSystem(tx: TransactionClient, tenantId: string, id: string) {
  return orNotFound(await tx.targetSystem.findFirst({ where: { id, tenantId } }), "Target system");
}

/** The API's view of a target system: which secrets are set, never their values. */
export function toTargetSystemResponse(row: TargetSystemRow, secretsKey: Buffer): TargetSystemView {
  return {
    id: row.id,
    name: row.name,
    connectorType: row.connectorType as TargetSystemView["connectorType"],
    settings: (row.settings ?? {}) as Record<string, unknown>,
    secretsSet: Object.keys(decryptSecrets(row.secrets, secretsKey)).sort(),
    fieldMapping: z.array(targetFieldMappingSchema).parse(row.fieldMapping ?? []),
    correlation: row.correlation ? correlationSchema.parse(row.correlation) : null,
    container: row.container ? containerMappingSchema.parse(row.container) : null,
    passwordPolicy: passwordPolicySchema.parse(row.passwordPolicy ?? {}),
    usesAccountDataFrom: row.usesAccountDataFrom,
    concurrency: row.concurrency,
    thresholds: targetThresholdsSchema.catch({}).parse(row.thresholds ?? {}),
    ratePerSecond: row.ratePerSecond,
    pausedUntil: row.pausedUntil?.toISOString() ?? null,
    pauseReason: row.pauseReason,
    enabled: row.enabled,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
