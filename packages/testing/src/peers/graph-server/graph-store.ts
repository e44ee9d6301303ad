// What the Graph test server holds: users, groups with their members, and the tenant's licences
// (subscribed SKUs). Tests read it to assert what a connector did.
import { randomUUID } from "node:crypto";

export interface GraphUser {
  id: string;
  /** The Graph properties as written (validated against the metadata), without the password. */
  properties: Record<string, unknown>;
  /** Kept apart so that no read returns it; tests may check that one was sent. */
  password?: string;
  managerId?: string;
  assignedLicenses: { skuId: string; disabledPlans: string[] }[];
}

export interface GraphGroup {
  id: string;
  displayName: string;
  description: string | null;
  mailNickname: string;
  mailEnabled: boolean;
  securityEnabled: boolean;
  members: Set<string>;
}

export interface GraphLicence {
  skuId: string;
  skuPartNumber: string;
  enabledUnits: number;
  servicePlans: { servicePlanId: string; servicePlanName: string }[];
}

export interface GraphSeed {
  groups?: { displayName: string; description?: string }[];
  licences?: { skuPartNumber: string; enabledUnits?: number; skuId?: string }[];
}

export interface GraphStore {
  users: Map<string, GraphUser>;
  groups: Map<string, GraphGroup>;
  licences: Map<string, GraphLicence>;
}

const DEFAULT_SEED: Required<GraphSeed> = {
  groups: [{ displayName: "All staff" }, { displayName: "Teachers" }, { displayName: "Students" }],
  licences: [
    { skuPartNumber: "ENTERPRISEPACK", skuId: "6fd2c87f-b296-42f0-b197-1e91e994b900", enabledUnits: 100 },
    { skuPartNumber: "STANDARDWOFFPACK_STUDENT", skuId: "314c4481-f395-4525-be8b-2ec4bb1e9d91", enabledUnits: 1000 },
  ],
};

export function seedGraphStore(seed: GraphSeed = {}): GraphStore {
  const store: GraphStore = { users: new Map(), groups: new Map(), licences: new Map() };
  for (const group of seed.groups ?? DEFAULT_SEED.groups) {
    const id = randomUUID();
    const mailNickname = group.displayName.replace(/[^A-Za-z0-9]/g, "").toLowerCase();
    store.groups.set(id, { id, displayName: group.displayName, description: group.description ?? null, mailNickname, mailEnabled: false, securityEnabled: true, members: new Set() });
  }
  for (const licence of seed.licences ?? DEFAULT_SEED.licences) {
    const skuId = licence.skuId ?? randomUUID();
    const servicePlans = [{ servicePlanId: randomUUID(), servicePlanName: `EXCHANGE_${licence.skuPartNumber}` }];
    store.licences.set(skuId, { skuId, skuPartNumber: licence.skuPartNumber, enabledUnits: licence.enabledUnits ?? 25, servicePlans });
  }
  return store;
}

/** Finds a user as Graph does in /users/{id-or-userPrincipalName}. */
export function findUser(store: GraphStore, key: string): GraphUser | undefined {
  const byId = store.users.get(key);
  if (byId) return byId;
  const lower = key.toLowerCase();
  for (const user of store.users.values()) {
    if (String(user.properties.userPrincipalName ?? "").toLowerCase() === lower) return user;
  }
  return undefined;
}

export const consumedUnits = (store: GraphStore, skuId: string) =>
  [...store.users.values()].filter((user) => user.assignedLicenses.some((licence) => licence.skuId === skuId)).length;

export function groupJson(group: GraphGroup) {
  const { members: _members, ...visible } = group;
  return { "@odata.type": "#microsoft.graph.group", ...visible, groupTypes: [] };
}

export function licenceJson(store: GraphStore, licence: GraphLicence) {
  return {
    id: `tenant_${licence.skuId}`,
    capabilityStatus: "Enabled",
    appliesTo: "User",
    skuId: licence.skuId,
    skuPartNumber: licence.skuPartNumber,
    consumedUnits: consumedUnits(store, licence.skuId),
    prepaidUnits: { enabled: licence.enabledUnits, suspended: 0, warning: 0, lockedOut: 0 },
    servicePlans: licence.servicePlans.map((plan) => ({ ...plan, provisioningStatus: "Success", appliesTo: "User" })),
  };
}
