import type { PersonForTarget } from "@idlife/use-cases";
import type { ClaimedAction } from "./claim-target-actions.ts";
import { failed, type ActionOutcome, type TargetRunContext } from "./target-run-context.ts";

/** How long a grant waits behind its account's create before it looks again. */
const WAIT_FOR_CREATE_MS = 2_000;

/**
 * Grant and revoke one permission. A grant waits while the account's create is still planned;
 * a revoke touches only an entitlement the platform holds, so memberships added by hand stay.
 */
export async function runPermissionAction(context: TargetRunContext, action: ClaimedAction, person: PersonForTarget): Promise<ActionOutcome> {
  const { system, session } = context;
  const tenantId = context.db.tenantId;
  const grant = action.kind === "grant_permission";
  const permission = action.payload.createPermission === true ? await findOrCreatePermission(context, String(action.payload.permissionName ?? "")) : await context.db.run((tx) => tx.targetPermission.findFirst({ where: { tenantId, targetSystemId: system.id, id: String(action.payload.permissionId ?? "") } }));
  if (!permission) return failed(action.kind, "The permission no longer exists in the platform (removed from the target system's permissions).");
  const account = person.account && !person.account.deletedAt ? person.account : null;
  if (!account?.reference) {
    const create = await context.db.run((tx) => tx.targetAction.findFirst({ where: { tenantId, targetSystemId: system.id, personId: person.personId, kind: "create_account", state: { in: ["planned", "running"] } }, select: { runAfter: true } }));
    if (grant && create) return { state: "deferred", runAfter: new Date(Math.max(create.runAfter.getTime(), Date.now()) + WAIT_FOR_CREATE_MS), reason: "waiting for the account to be created" };
    return failed(action.kind, `The person has no account in '${system.name}', so '${permission.displayName}' cannot be ${grant ? "granted" : "revoked"}.`);
  }
  const label = { permission: permission.displayName, permissionReference: permission.reference };
  if (grant) {
    const result = await session.grantPermission(account.reference, permission.reference);
    const message = [result.outcome === "already" ? `Already a member of ${permission.displayName}; now managed by the platform.` : `Granted ${permission.displayName}.`, ...result.messages].join(" ");
    return {
      state: "succeeded",
      result: { message, outcome: result.outcome },
      audit: { action: "grant_permission", state: result.outcome === "already" ? "warning" : "success", message, before: null, after: label },
      effects: async (tx) => {
        await tx.entitlement.upsert({
          where: { targetSystemId_personId_permissionId: { targetSystemId: system.id, personId: person.personId, permissionId: permission.id } },
          create: { tenantId, targetSystemId: system.id, personId: person.personId, permissionId: permission.id, grantedBy: (action.requestedBy ?? { kind: "system" }) as object },
          update: {},
        });
      },
    };
  }
  const entitlement = await context.db.run((tx) => tx.entitlement.findFirst({ where: { tenantId, targetSystemId: system.id, personId: person.personId, permissionId: permission.id } }));
  if (!entitlement) return { state: "skipped", result: { message: `${permission.displayName} is not managed by the platform; left alone.` }, audit: { action: "revoke_permission", state: "skipped", message: `${permission.displayName} is not managed by the platform; left alone.` } };
  const result = await session.revokePermission(account.reference, permission.reference);
  const message = [result.outcome === "already" ? `Was no longer a member of ${permission.displayName}.` : `Revoked ${permission.displayName}.`, ...result.messages].join(" ");
  return {
    state: "succeeded",
    result: { message, outcome: result.outcome },
    audit: { action: "revoke_permission", state: "success", message, before: label, after: null },
    effects: async (tx) => {
      await tx.entitlement.deleteMany({ where: { tenantId, id: entitlement.id } });
    },
  };
}

/**
 * A dynamic permission (named from the contract by a rule, "school-SCH-X-staff"): the one of that
 * name, else created in the target where the connector can (and recorded as the system's own).
 */
async function findOrCreatePermission(context: TargetRunContext, name: string) {
  const { system, session } = context;
  const tenantId = context.db.tenantId;
  const known = await context.db.run((tx) => tx.targetPermission.findFirst({ where: { tenantId, targetSystemId: system.id, displayName: { equals: name, mode: "insensitive" }, goneAt: null } }));
  if (known || !name || !session.createPermission) return known;
  const created = await session.createPermission(name, "group");
  return context.db.run((tx) =>
    tx.targetPermission.upsert({
      where: { targetSystemId_reference: { targetSystemId: system.id, reference: created.reference } },
      create: { tenantId, targetSystemId: system.id, reference: created.reference, displayName: created.displayName, kind: created.kind, description: created.description ?? null },
      update: { displayName: created.displayName, goneAt: null, refreshedAt: new Date() },
    }),
  );
}
