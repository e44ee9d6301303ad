import { describe, expect, it } from "vitest";
import { fieldCopies, useFactories, type FactoryTenant, type TestClient } from "@idlife/testing";

const QUOTA = 1024 * 1024;
const ctx = useFactories({ apiEnv: { UPLOAD_QUOTA_BYTES_PER_TENANT: String(QUOTA) } });

const csvSource = async (tenant: FactoryTenant) =>
  (await ctx.newSourceSystem(tenant, { columns: ["Id", "Name"], persons: { delimiter: "," }, mapping: { person: fieldCopies({ ExternalId: "Id" }), contract: {} } })).id;

const fileOf = (bytes: number) => `Id,Name\r\n${"1,x\r\n".repeat(Math.ceil(bytes / 5))}`.slice(0, bytes);
const upload = (client: TestClient, sourceId: string, content: string, role = "persons") =>
  client.request("PUT", `/api/v1/source-systems/${sourceId}/uploads/${role}`, { rawBody: content, headers: { "content-type": "text/csv", "x-file-name": `${role}.csv` } });

describe("the upload quota of a tenant", () => {
  it("refuses an upload that would take the tenant's stored uploads over the quota, and stores nothing", async () => {
    const tenant = await ctx.newTenant({ role: "operator" });
    const { client, tenantId } = tenant;
    const sourceId = await csvSource(tenant);
    expect((await upload(client, sourceId, fileOf(600 * 1024))).status).toBe(200);
    const over = await upload(client, sourceId, fileOf(500 * 1024), "contracts");
    expect(over.status).toBe(409);
    expect(over.body.error.code).toBe("upload_quota_exceeded");
    expect(over.body.error.message).toMatch(/removed automatically after the retention period/);
    expect(over.body.error.details).toMatchObject({ storedBytes: 600 * 1024, incomingBytes: 500 * 1024, quotaBytes: QUOTA });
    const stored = await ctx.api.ownerPrisma.sourceUpload.findMany({ where: { tenantId }, select: { role: true } });
    expect(stored).toEqual([{ role: "persons" }]);
    // What fits still goes in.
    expect((await upload(client, sourceId, fileOf(400 * 1024), "contracts")).status).toBe(200);
  });

  it("counts each tenant's uploads on their own", async () => {
    const first = await ctx.newTenant();
    const second = await ctx.newTenant();
    const [firstSource, secondSource] = [await csvSource(first), await csvSource(second)];
    expect((await upload(first.client, firstSource, fileOf(900 * 1024))).status).toBe(200);
    expect((await upload(second.client, secondSource, fileOf(900 * 1024))).status).toBe(200);
    expect((await upload(first.client, firstSource, fileOf(200 * 1024))).status).toBe(409);
  });
});
