import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listRoutes } from "../src/index.ts";
import { startTestApi, type TestApi, type TestClient } from "./support/index.ts";
import { callRoute, resourceOf, routeKey } from "./route-samples.ts";
import { arrangePersonsOfTenant } from "./support/arrange-persons.ts";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.close());

const call = (client: TestClient, route: { method: string; path: string }, id?: string) => callRoute(client, route, id);

describe("tenant isolation on every route", () => {
  it("gives tenant A's people and keys 403/404 for everything of tenant B, and changes nothing of B", async () => {
    const a = await api.createTenantWithMember("owner");
    const b = await api.createTenantWithMember("owner");
    const aKey = await api.createApiKey(a.client, ["admin"]);
    const aKeyClient = api.client().withApiKey(aKey.secret);

    // Objects of tenant B that an :id route could address, per controller.
    const bMember = await api.addMember(b.tenantId, "operator");
    const bMembership = await api.ownerPrisma.membership.findFirstOrThrow({ where: { tenantId: b.tenantId, user: { email: bMember.email } } });
    const bKey = await api.createApiKey(b.client, ["read"]);
    const bData = await arrangePersonsOfTenant(api, b.tenantId);
    const bRule = await api.ownerPrisma.businessRule.create({ data: { tenantId: b.tenantId, name: "B's rule" } });
    const bEvaluation = await api.ownerPrisma.evaluation.create({ data: { tenantId: b.tenantId, mode: "simulation", trigger: "manual", status: "completed", today: new Date("2026-12-04") } });
    const objectsOfB: Record<string, string> = {
      "business-rules": bRule.id,
      evaluations: bEvaluation.id,
      members: bMembership.id,
      "api-keys": bKey.id,
      "source-systems": bData.sourceSystemId,
      imports: bData.importId,
      persons: bData.personId,
      "merge-suggestions": bData.suggestionId,
      snapshots: bData.snapshotId,
      "target-systems": bData.targetSystemId,
    };
    const snapshotOfB = async () => ({
      tenant: await api.ownerPrisma.tenant.findUniqueOrThrow({ where: { id: b.tenantId } }),
      memberships: await api.ownerPrisma.membership.findMany({ where: { tenantId: b.tenantId }, orderBy: { id: "asc" } }),
      apiKeys: await api.ownerPrisma.apiKey.findMany({ where: { tenantId: b.tenantId }, orderBy: { id: "asc" } }),
      sourceSystems: await api.ownerPrisma.sourceSystem.findMany({ where: { tenantId: b.tenantId }, orderBy: { id: "asc" } }),
      imports: await api.ownerPrisma.import.findMany({ where: { tenantId: b.tenantId }, orderBy: { id: "asc" } }),
      uploads: await api.ownerPrisma.sourceUpload.count({ where: { tenantId: b.tenantId } }),
      persons: await api.ownerPrisma.person.findMany({ where: { tenantId: b.tenantId }, orderBy: { id: "asc" } }),
      snapshots: await api.ownerPrisma.snapshot.findMany({ where: { tenantId: b.tenantId }, orderBy: { id: "asc" } }),
      rules: await api.ownerPrisma.businessRule.findMany({ where: { tenantId: b.tenantId }, include: { versions: true } }),
      evaluations: await api.ownerPrisma.evaluation.findMany({ where: { tenantId: b.tenantId } }),
      targetSystems: await api.ownerPrisma.targetSystem.findMany({ where: { tenantId: b.tenantId }, orderBy: { id: "asc" } }),
      targetActions: await api.ownerPrisma.targetAction.count({ where: { tenantId: b.tenantId } }),
    });
    const before = await snapshotOfB();

    const tenantRoutes = listRoutes(api.app).filter((route) => route.endpoint?.access.kind === "tenant");
    expect(tenantRoutes.length).toBeGreaterThanOrEqual(10);
    for (const route of tenantRoutes) {
      const label = routeKey(route);
      // A's session naming tenant B: not a member.
      const asUser = await call(a.client.forTenant(b.tenantId), route);
      expect(asUser.status, `${label} as A's user with X-Tenant-Id B`).toBe(403);
      expect(asUser.body.error.code).toBe("not_a_member");
      // A's key naming tenant B.
      const asKey = await call(aKeyClient.forTenant(b.tenantId), route);
      expect(asKey.status, `${label} as A's key with X-Tenant-Id B`).toBe(403);

      if (route.path.includes(":id")) {
        const id = objectsOfB[resourceOf(route.path)];
        expect(id, `test has no object of tenant B for ${resourceOf(route.path)}: add one`).toBeDefined();
        for (const [who, client] of [["user", a.client], ["key", aKeyClient]] as const) {
          const response = await call(client, route, id);
          expect(response.status, `${label} as A's ${who} with B's id`).toBe(404);
          expect(response.body.error.code).toBe("not_found");
        }
      }
    }
    expect(await snapshotOfB()).toEqual(before);
  });

  it("never lists tenant B's objects to tenant A", async () => {
    const a = await api.createTenantWithMember("owner");
    const b = await api.createTenantWithMember("owner");
    await api.createApiKey(b.client, ["read"]);
    const members = await a.client.get("/api/v1/members");
    expect(members.body.map((member: { email: string }) => member.email)).toEqual([a.email]);
    const keys = await a.client.get("/api/v1/api-keys");
    expect(keys.body).toEqual([]);
    const audit = await a.client.get("/api/v1/audit-log?limit=200");
    expect(audit.body.items.length).toBeGreaterThan(0);
    for (const entry of audit.body.items) expect(entry.actorLabel).not.toBe(b.email);
    const tenant = await a.client.get("/api/v1/tenant");
    expect(tenant.body.id).toBe(a.tenantId);
  });

  it("keeps platform routes from tenant owners", async () => {
    const a = await api.createTenantWithMember("owner");
    for (const route of listRoutes(api.app).filter((candidate) => candidate.endpoint?.access.kind === "platform-admin")) {
      const response = await call(a.client, route);
      expect(response.status, routeKey(route)).toBe(403);
      expect(response.body.error.code).toBe("platform_admin_required");
    }
  });
});
