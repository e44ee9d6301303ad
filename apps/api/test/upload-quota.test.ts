import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi, type TestClient } from "./support/index.ts";

const QUOTA = 1024 * 1024;
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ UPLOAD_QUOTA_BYTES_PER_TENANT: String(QUOTA) });
});
afterAll(async () => api?.close());

const mapping = { person: { ExternalId: { type: "field", path: "Id" } }, contract: {} };

async function csvSource(client: TestClient) {
  const created = await client.post("/api/v1/source-systems", { name: "HR CSV", connectorType: "csv", settings: { layout: "single", persons: { delimiter: ",", personKey: "Id" } }, mapping });
  expect(created.status, created.text).toBe(201);
  return created.body.id as string;
}

const fileOf = (bytes: number) => `Id,Name\r\n${"1,x\r\n".repeat(Math.ceil(bytes / 5))}`.slice(0, bytes);
const upload = (client: TestClient, sourceId: string, content: string, role = "persons") =>
  client.request("PUT", `/api/v1/source-systems/${sourceId}/uploads/${role}`, { rawBody: content, headers: { "content-type": "text/csv", "x-file-name": `${role}.csv` } });

describe("the upload quota of a tenant", () => {
  it("refuses an upload that would take the tenant's stored uploads over the quota, and stores nothing", async () => {
    const { client, tenantId } = await api.createTenantWithMember("operator");
    const sourceId = await csvSource((await api.addMember(tenantId, "owner")).client);
    expect((await upload(client, sourceId, fileOf(600 * 1024))).status).toBe(200);
    const over = await upload(client, sourceId, fileOf(500 * 1024), "contracts");
    expect(over.status).toBe(409);
    expect(over.body.error.code).toBe("upload_quota_exceeded");
    expect(over.body.error.message).toMatch(/removed automatically after the retention period/);
    expect(over.body.error.details).toMatchObject({ storedBytes: 600 * 1024, incomingBytes: 500 * 1024, quotaBytes: QUOTA });
    const stored = await api.ownerPrisma.sourceUpload.findMany({ where: { tenantId }, select: { role: true } });
    expect(stored).toEqual([{ role: "persons" }]);
    // What fits still goes in.
    expect((await upload(client, sourceId, fileOf(400 * 1024), "contracts")).status).toBe(200);
  });

  it("counts each tenant's uploads on their own", async () => {
    const first = await api.createTenantWithMember("owner");
    const second = await api.createTenantWithMember("owner");
    const [firstSource, secondSource] = [await csvSource(first.client), await csvSource(second.client)];
    expect((await upload(first.client, firstSource, fileOf(900 * 1024))).status).toBe(200);
    expect((await upload(second.client, secondSource, fileOf(900 * 1024))).status).toBe(200);
    expect((await upload(first.client, firstSource, fileOf(200 * 1024))).status).toBe(409);
  });
});
