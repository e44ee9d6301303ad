import { describe, expect, it } from "vitest";
import { useFactories } from "@idlife/testing";
import { listRoutes } from "../src/index.ts";

const ctx = useFactories();

describe("routes", () => {
  it("every route declares who may call it", () => {
    const routes = listRoutes(ctx.api.app);
    expect(routes.length).toBeGreaterThan(10);
    const undeclared = routes.filter((route) => !route.endpoint).map((route) => `${route.method} ${route.path} (${route.controller}.${route.handler})`);
    expect(undeclared, "routes without an @Endpoint access declaration").toEqual([]);
  });

  it("publishes an OpenAPI document with every route and a browsable page", async () => {
    const document = await ctx.api.client().get("/api/docs/openapi.json");
    expect(document.status).toBe(200);
    expect(document.body.openapi).toBe("3.0.3");
    for (const route of listRoutes(ctx.api.app)) {
      const path = route.path.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
      expect(document.body.paths[path]?.[route.method.toLowerCase()], `${route.method} ${path}`).toBeDefined();
    }
    const createKey = document.body.paths["/api/v1/api-keys"].post;
    expect(createKey.requestBody.content["application/json"].schema.properties.scopes).toBeDefined();
    const page = await ctx.api.client().get("/api/docs");
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.text).toContain("swagger-ui-bundle.js");
    const bundle = await ctx.api.client().get("/api/docs/assets/swagger-ui-bundle.js");
    expect(bundle.status).toBe(200);
  });

  it("reports health of the database and Redis", async () => {
    expect((await ctx.api.client().get("/api/v1/health")).body).toEqual({ status: "ok" });
  });
});

describe("audit log", () => {
  it("records configuration changes with who, before and after", async () => {
    const { client, email } = await ctx.newTenant();
    const before = (await client.get("/api/v1/tenant")).body;
    const response = await client.patch("/api/v1/tenant", { name: "Stichting Voorbeeld", settings: { timeZone: "Europe/Brussels" } });
    expect(response.status).toBe(200);
    const audit = await client.get("/api/v1/audit-log?action=tenant.update");
    expect(audit.body.items[0]).toMatchObject({
      actorType: "user",
      actorLabel: email,
      action: "tenant.update",
      before: { name: before.name, settings: { timeZone: "Europe/Amsterdam" } },
      after: { name: "Stichting Voorbeeld", settings: { timeZone: "Europe/Brussels", locale: "nl-NL" } },
    });
  });

  it("records API key creation and revocation without the secret, by the acting key or person", async () => {
    const { client } = await ctx.newTenant();
    const admin = await ctx.api.createApiKey(client, ["admin"]);
    const adminKey = ctx.api.client().withApiKey(admin.secret);
    const created = await adminKey.post("/api/v1/api-keys", { name: "made by a key", scopes: ["read"] });
    await client.delete(`/api/v1/api-keys/${created.body.id}`);
    const audit = (await client.get("/api/v1/audit-log")).body.items;
    const creation = audit.find((entry: { action: string; targetId: string }) => entry.action === "api_key.create" && entry.targetId === created.body.id);
    expect(creation.actorType).toBe("api_key");
    expect(JSON.stringify(audit)).not.toContain(created.body.secret);
    expect(audit.find((entry: { action: string }) => entry.action === "api_key.revoke")).toMatchObject({ actorType: "user" });
  });

  it("is append-only for the application", async () => {
    const { tenantId } = await ctx.newTenant();
    const { withTenant, asTenantId, createPrismaClient } = await import("@idlife/db");
    const app = createPrismaClient(ctx.api.database.appUrl, { maxConnections: 1 });
    try {
      await expect(withTenant(app, asTenantId(tenantId), (tx) => tx.auditEntry.deleteMany({ where: { tenantId } }))).rejects.toThrow(/permission denied/);
    } finally {
      await app.$disconnect();
    }
  });
});
