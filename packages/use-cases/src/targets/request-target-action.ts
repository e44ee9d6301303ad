import { z } from "zod";
import { PrismaNamespace, type TransactionClient } from "@idlife/db";
import type { JobProducer } from "@idlife/jobs";
import { accountActionSchema } from "@idlife/contracts";
import { conflict, notFound } from "../use-case-error.ts";
import { parseInput, type TenantScope } from "../tenant-scope.ts";
import { enqueueTargetRun } from "./enqueue-target-run.ts";
import { toTargetActionView } from "./target-views.ts";

export const requestedBySchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("user"), userId: z.uuid() }),
  z.strictObject({ kind: z.literal("api-key"), apiKeyId: z.uuid() }),
  z.strictObject({ kind: z.literal("system") }),
]);
export type RequestedBy = z.infer<typeof requestedBySchema>;

export interface RequestTargetActionDeps {
  db: TenantScope;
  jobs: JobProducer;
}

const accountInput = z.strictObject({ targetSystemId: z.uuid(), personId: z.uuid(), action: accountActionSchema, requestedBy: requestedBySchema });
const permissionInput = z.strictObject({ targetSystemId: z.uuid(), personId: z.uuid(), permissionId: z.uuid(), action: z.enum(["grant", "revoke"]), requestedBy: requestedBySchema });

type Kind = "create_account" | "update_account" | "enable_account" | "disable_account" | "delete_account" | "grant_permission" | "revoke_permission";
const UNFINISHED = ["planned", "running"] as const;

/**
 * Puts one action in the work table and asks for a run. The same action asked again while the
 * first is planned or running is that row (its idempotency key names the last finished action
 * of its kind, so two concurrent requests compute the same key and the database keeps one).
 */
async function planRow(tx: TransactionClient, tenantId: string, row: { targetSystemId: string; personId: string; kind: Kind; subject: string; payload: Record<string, unknown>; requestedBy: RequestedBy }) {
  const lastFinished = await tx.targetAction.findFirst({
    where: { tenantId, targetSystemId: row.targetSystemId, personId: row.personId, kind: row.kind, state: { notIn: [...UNFINISHED] }, payload: { path: ["subject"], equals: row.subject } },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  const idempotencyKey = `${row.targetSystemId}:${row.personId}:${row.kind}:${row.subject}:after:${lastFinished?.id ?? "none"}`;
  await tx.targetAction.createMany({
    data: { tenantId, targetSystemId: row.targetSystemId, personId: row.personId, kind: row.kind, idempotencyKey, payload: { ...row.payload, subject: row.subject } as PrismaNamespace.InputJsonValue, requestedBy: row.requestedBy },
    skipDuplicates: true,
  });
  return tx.targetAction.findUniqueOrThrow({ where: { tenantId_idempotencyKey: { tenantId, idempotencyKey } } });
}

async function loadContext(tx: TransactionClient, tenantId: string, targetSystemId: string, personId: string) {
  const system = await tx.targetSystem.findFirst({ where: { tenantId, id: targetSystemId }, select: { id: true, name: true, enabled: true } });
  if (!system) throw notFound("The target system");
  const person = await tx.person.findFirst({ where: { tenantId, id: personId }, select: { id: true } });
  if (!person) throw notFound("The person");
  const account = await tx.targetAccount.findFirst({ where: { tenantId, targetSystemId, personId, deletedAt: null } });
  const createPlanned = await tx.targetAction.findFirst({ where: { tenantId, targetSystemId, personId, kind: "create_account", state: { in: [...UNFINISHED] } }, select: { id: true } });
  return { system, account, createPlanned };
}

/** By hand on a person (the rules issue automates it): create, update, enable, disable or delete the account. */
export async function requestAccountAction(deps: RequestTargetActionDeps, input: { targetSystemId: string; personId: string; action: string; requestedBy: RequestedBy }) {
  const { targetSystemId, personId, action, requestedBy } = parseInput(accountInput, input);
  const tenantId = deps.db.tenantId;
  const row = await deps.db.run(async (tx) => {
    const { system, account, createPlanned } = await loadContext(tx, tenantId, targetSystemId, personId);
    if (action === "create" && account) throw conflict("account_exists", `The person already has an account in '${system.name}'; update it instead.`);
    if (action !== "create" && !account && !createPlanned) throw conflict("no_account", `The person has no account in '${system.name}'; create it first.`);
    return planRow(tx, tenantId, { targetSystemId, personId, kind: `${action}_account`, subject: "account", payload: {}, requestedBy });
  });
  await enqueueTargetRun(deps.jobs, tenantId, targetSystemId);
  return toTargetActionView(row);
}

/**
 * Grants or revokes one permission. Revoke only what the platform manages (an entitlement), so a
 * membership added by hand in the target is never touched; grant needs the account, or its
 * create planned first (the runner then runs the grant after the create).
 */
export async function requestPermissionAction(deps: RequestTargetActionDeps, input: { targetSystemId: string; personId: string; permissionId: string; action: "grant" | "revoke"; requestedBy: RequestedBy }) {
  const { targetSystemId, personId, permissionId, action, requestedBy } = parseInput(permissionInput, input);
  const tenantId = deps.db.tenantId;
  const row = await deps.db.run(async (tx) => {
    const { system, account, createPlanned } = await loadContext(tx, tenantId, targetSystemId, personId);
    const permission = await tx.targetPermission.findFirst({ where: { tenantId, targetSystemId, id: permissionId } });
    if (!permission) throw notFound("The permission");
    if (action === "grant") {
      if (permission.goneAt) throw conflict("permission_gone", `'${permission.displayName}' no longer exists in '${system.name}' (not seen when the permissions were last refreshed).`);
      if (!account && !createPlanned) throw conflict("no_account", `The person has no account in '${system.name}'; create the account first, then grant '${permission.displayName}'.`);
    } else {
      const entitlement = await tx.entitlement.findFirst({ where: { tenantId, targetSystemId, personId, permissionId } });
      if (!entitlement) throw conflict("not_managed", `'${permission.displayName}' was not granted by the platform, so the platform does not revoke it.`);
    }
    return planRow(tx, tenantId, { targetSystemId, personId, kind: `${action}_permission`, subject: permission.id, payload: { permissionId: permission.id, permissionReference: permission.reference }, requestedBy });
  });
  await enqueueTargetRun(deps.jobs, tenantId, targetSystemId);
  return toTargetActionView(row);
}
