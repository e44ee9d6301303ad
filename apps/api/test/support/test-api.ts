import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { NestExpressApplication } from "@nestjs/platform-express";
import { createPrismaClient, type Prisma } from "@idlife/db";
import { createTestDatabase } from "@idlife/db/testing";
import type { MemberRole } from "@idlife/contracts";
import { loadApiConfig, type ApiConfig } from "../../src/config/api-config.ts";
import { createApiApp } from "../../src/create-app.ts";
import { createTenant, hashPassword } from "@idlife/use-cases";
import { TestClient } from "./http-client.ts";

export const TEST_PASSWORD = "correct horse battery staple";

export interface TestApi {
  app: NestExpressApplication;
  baseUrl: string;
  config: ApiConfig;
  /** Owner connection: for arranging and inspecting data behind the API's back. */
  ownerPrisma: Prisma;
  database: { ownerUrl: string; appUrl: string; name: string };
  queuePrefix: string;
  client(): TestClient;
  /** A fresh tenant with a signed-in member of the given role (default owner). */
  createTenantWithMember(role?: MemberRole): Promise<{ tenantId: string; slug: string; email: string; client: TestClient }>;
  addMember(tenantId: string, role: MemberRole): Promise<{ email: string; client: TestClient }>;
  /** A person with a verified address and TEST_PASSWORD, member of no tenant (not signed in). */
  createUser(options?: { isPlatformAdmin?: boolean }): Promise<{ id: string; email: string }>;
  createApiKey(client: TestClient, scopes: string[]): Promise<{ id: string; secret: string }>;
  /** Signs in `times` times one after the other, each from a fresh client: the statuses in order. */
  signInRepeatedly(email: string, password: string, times: number): Promise<number[]>;
  close(): Promise<void>;
}

/**
 * Starts the real API on a clone of the migrated template database, with real Redis under a
 * key prefix of its own. One per test file; each test makes its own tenants.
 */
export async function startTestApi(env: Record<string, string> = {}): Promise<TestApi> {
  const database = await createTestDatabase();
  const queuePrefix = `idlife-test-${randomUUID().slice(0, 8)}`;
  const config = loadApiConfig({
    ...process.env,
    NODE_ENV: "test",
    DATABASE_URL: database.ownerUrl,
    APP_DATABASE_URL: database.appUrl,
    QUEUE_PREFIX: queuePrefix,
    PORT: "0",
    ...env,
  });
  const app = await createApiApp(config);
  await app.listen(0, "127.0.0.1");
  const port = (app.getHttpServer().address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}`;
  const ownerPrisma = createPrismaClient(database.ownerUrl, { maxConnections: 3 });

  const signIn = async (email: string) => {
    const client = new TestClient(baseUrl);
    const response = await client.signIn(email, TEST_PASSWORD);
    if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${response.text}`);
    return client;
  };

  const createUser = async (email: string, displayName: string, isPlatformAdmin = false) =>
    ownerPrisma.user.create({
      data: { email, displayName, passwordHash: await hashPassword(TEST_PASSWORD), emailVerifiedAt: new Date(), isPlatformAdmin },
      select: { id: true, email: true },
    });

  const api: TestApi = {
    app,
    baseUrl,
    config,
    ownerPrisma,
    database,
    queuePrefix,
    client: () => new TestClient(baseUrl),
    async createTenantWithMember(role = "owner") {
      const suffix = randomUUID().slice(0, 8);
      const email = `owner-${suffix}@example.test`;
      const { tenant } = await createTenant({ prisma: ownerPrisma }, {
        name: `Tenant ${suffix}`,
        slug: `tenant-${suffix}`,
        owner: { email, displayName: `Owner ${suffix}`, password: TEST_PASSWORD },
        origin: "platform",
      });
      if (role === "owner") return { tenantId: tenant.id, slug: tenant.slug, email, client: (await signIn(email)).forTenant(tenant.id) };
      const member = await api.addMember(tenant.id, role);
      return { tenantId: tenant.id, slug: tenant.slug, ...member };
    },
    async addMember(tenantId, role) {
      const user = await createUser(`${role}-${randomUUID().slice(0, 8)}@example.test`, `${role} person`);
      await ownerPrisma.membership.create({ data: { tenantId, userId: user.id, role } });
      return { email: user.email, client: (await signIn(user.email)).forTenant(tenantId) };
    },
    createUser: (options = {}) => createUser(`person-${randomUUID().slice(0, 8)}@example.test`, "A person", options.isPlatformAdmin),
    async createApiKey(client, scopes) {
      const response = await client.post("/api/v1/api-keys", { name: `key ${scopes.join("+")}`, scopes });
      if (response.status !== 201) throw new Error(`api key creation failed: ${response.status} ${response.text}`);
      return { id: response.body.id, secret: response.body.secret };
    },
    async signInRepeatedly(email, password, times) {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < times; attempt++) statuses.push((await api.client().signIn(email, password)).status);
      return statuses;
    },
    async close() {
      await app.close();
      await ownerPrisma.$disconnect();
      await database.drop();
    },
  };
  return api;
}
