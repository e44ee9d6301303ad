import { beforeAll, describe, expect, it } from "vitest";
import { useFactories, type FactoryTenant } from "@idlife/testing";

// Small batches, so that a few thousand persons are many queries, and large persons, so that an
// export is far more than the sockets between the API and the test can hold unread.
const BATCH = 500;
const PERSONS = 3_000;
const PADDING = "x".repeat(4_000);
const LAST_ID = "ffffffff-ffff-4fff-bfff-ffffffffffff";

const ctx = useFactories({ apiEnv: { PERSONS_EXPORT_BATCH_SIZE: String(BATCH), PERSONS_EXPORTS_PER_TENANT: "2" } });
let large: FactoryTenant;
beforeAll(async () => {
  large = await ctx.newTenant();
  await addPersons(large.tenantId, PERSONS);
}, 120_000);

function personData(index: number) {
  const externalId = `E${String(index).padStart(5, "0")}`;
  return {
    externalId,
    displayName: `Person ${index}`,
    status: "active" as const,
    data: {
      ExternalId: externalId,
      Name: { GivenName: `Given${index}`, FamilyName: index === 1 ? "Vries; de" : `Family${index}` },
      Contact: { Business: { Email: index === 2 ? "=HYPERLINK(\"http://evil.example\")" : `p${index}@example.test` }, Personal: { Email: `p${index}@home.example` } },
      Custom: { Note: index === 3 ? "@SUM(A1:A2)" : index === 4 ? "\tTabbed" : `note ${index}` },
      Padding: PADDING,
      Contracts: [{ ExternalId: `C${index}` }],
    },
    searchText: `person ${index}`,
  };
}

async function addPersons(tenantId: string, count: number) {
  for (let start = 1; start <= count; start += 500) {
    const rows = Array.from({ length: Math.min(500, count - start + 1) }, (_, offset) => ({ tenantId, ...personData(start + offset) }));
    await ctx.api.ownerPrisma.person.createMany({ data: rows });
  }
}

const lines = (text: string) => text.split("\r\n").filter((line) => line !== "");

describe("the persons CSV export", () => {
  it("streams every person of a large tenant batch by batch, complete, with a BOM and the chosen separator", async () => {
    const response = await large.client.open("/api/v1/persons/export.csv?separator=%3B");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
    // Streamed: no length known up front.
    expect(response.headers.get("transfer-encoding")).toBe("chunked");
    expect(response.headers.get("content-length")).toBeNull();
    const reader = response.body!.getReader();
    const chunks: Uint8Array[] = [];
    const first = await reader.read();
    chunks.push(first.value!);
    // Added after the first bytes arrived, with the highest id: only an export that still has
    // queries to run (and so did not read everything at the start) can include this person.
    await ctx.api.ownerPrisma.person.create({ data: { id: LAST_ID, tenantId: large.tenantId, ...personData(PERSONS + 1) } });
    for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
    const bytes = Buffer.concat(chunks);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = lines(bytes.subarray(3).toString("utf8"));
    // The person model's ExternalId and the person's are one column.
    expect(header!.split(";").sort()).toEqual(
      ["Id", "ExternalId", "DisplayName", "Status", "Excluded", "Name.GivenName", "Name.FamilyName", "Contact.Business.Email", "Contact.Personal.Email", "Custom.Note", "Padding"].sort(),
    );
    expect(rows).toHaveLength(PERSONS + 1);
    expect(rows.at(-1)).toMatch(new RegExp(`^${LAST_ID};E0${PERSONS + 1};`));
    const externalIds = new Set(rows.map((row) => row.split(";")[1]));
    expect(externalIds.size).toBe(PERSONS + 1);
    for (let index = 1; index <= PERSONS; index++) expect(externalIds.has(`E${String(index).padStart(5, "0")}`)).toBe(true);
    const text = bytes.toString("utf8");
    expect(text).toContain(';"Vries; de";');
    expect(text).toContain(`;"'=HYPERLINK(""http://evil.example"")";`);
    expect(text).toContain(";'@SUM(A1:A2);");
    expect(text).toContain(";'\tTabbed;");
    expect(text).not.toContain("C1;"); // contracts are not exported
  });

  it("keeps the filters, and a comma separator by default", async () => {
    const tenant = await ctx.newTenant();
    await addPersons(tenant.tenantId, 3);
    await ctx.api.ownerPrisma.person.updateMany({ where: { tenantId: tenant.tenantId, externalId: "E00002" }, data: { status: "former" } });
    const response = await tenant.client.get("/api/v1/persons/export.csv?status=active");
    expect(response.status).toBe(200);
    const [header, ...rows] = lines(response.text); // text() drops the BOM
    expect(header).toMatch(/^Id,ExternalId,DisplayName,Status,Excluded,/);
    expect(rows.map((row) => row.split(",")[1]).sort()).toEqual(["E00001", "E00003"]);
    expect(header).toContain("Contact.Personal.Email");

    // An auditor may read persons, not their personal contact data: no such column, no such value.
    const { client: auditor } = await ctx.api.addMember(tenant.tenantId, "auditor");
    const audited = await auditor.get("/api/v1/persons/export.csv");
    expect(audited.status).toBe(200);
    expect(lines(audited.text)).toHaveLength(4);
    expect(audited.text).not.toContain("Contact.Personal");
    expect(audited.text).not.toContain("@home.example");
  });

  it("refuses a separator other than , or ;", async () => {
    const { client } = await ctx.newTenant();
    const response = await client.get("/api/v1/persons/export.csv?separator=%7C");
    expect(response.status).toBe(400);
    expect(response.text).toMatch(/separator=;/);
  });

  it("runs two exports of one tenant at a time: a third gets 429 export_busy, another tenant's export proceeds", async () => {
    const stop = new AbortController();
    // Two exports that the client does not read: they stay running, waiting for the client.
    const running = await Promise.all([large.client.open("/api/v1/persons/export.csv", stop.signal), large.client.open("/api/v1/persons/export.csv", stop.signal)]);
    expect(running.map((response) => response.status)).toEqual([200, 200]);
    const third = await large.client.get("/api/v1/persons/export.csv");
    expect(third.status).toBe(429);
    expect(third.body.error.code).toBe("export_busy");
    expect(third.body.error.message).toMatch(/try again/);
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);

    const other = await ctx.newTenant();
    await addPersons(other.tenantId, 2);
    const otherExport = await other.client.get("/api/v1/persons/export.csv");
    expect(otherExport.status).toBe(200);
    expect(lines(otherExport.text)).toHaveLength(3);

    // A client that goes away frees its slot.
    stop.abort();
    let again = await large.client.open("/api/v1/persons/export.csv");
    for (let attempt = 0; again.status === 429 && attempt < 50; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      again = await large.client.open("/api/v1/persons/export.csv");
    }
    expect(again.status).toBe(200);
    await again.body?.cancel();
  });
});
