import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useFactories, type TestClient } from "@idlife/testing";
import { arrangePersonsOfTenant } from "./support/arrange-persons.ts";

const ctx = useFactories();

const mapping = { person: { ExternalId: { type: "field", path: "Id" } }, contract: {} };

async function createSource(client: TestClient, name: string): Promise<string> {
  const created = await client.post("/api/v1/source-systems", { name, connectorType: "csv", settings: { layout: "single", persons: { personKey: "Id" } }, mapping });
  expect(created.status, created.text).toBe(201);
  return created.body.id;
}

/** A tenant whose owner created two source systems, renamed one and created an API key. */
async function arrangeTenant() {
  const tenant = await ctx.newTenant();
  const hr = await createSource(tenant.client, "HR export");
  const students = await createSource(tenant.client, "Students");
  expect((await tenant.client.patch(`/api/v1/source-systems/${hr}`, { name: "HR export (payroll)" })).status).toBe(200);
  const key = await ctx.api.createApiKey(tenant.client, ["read"]);
  const owner = await ctx.api.ownerPrisma.user.findUniqueOrThrow({ where: { email: tenant.email } });
  return { ...tenant, hr, students, keyId: key.id, ownerId: owner.id };
}

const list = async (client: TestClient, query: string) => {
  const response = await client.get(`/api/v1/audit-log?${query}`);
  expect(response.status, response.text).toBe(200);
  return response.body.items as Array<Record<string, any>>;
};

describe("audit log filters", () => {
  it("each filter narrows to exactly the matching entries of this tenant", async () => {
    const a = await arrangeTenant();
    const b = await arrangeTenant();

    const updates = await list(a.client, "action=source_system.update");
    expect(updates.map((entry) => [entry.action, entry.targetId])).toEqual([["source_system.update", a.hr]]);

    const ofStudents = await list(a.client, `targetType=source_system&targetId=${a.students}`);
    expect(ofStudents.map((entry) => entry.action)).toEqual(["source_system.create"]);

    const all = await list(a.client, "limit=200");
    const byOwner = await list(a.client, `actorId=${a.ownerId}&limit=200`);
    expect(byOwner.length).toBeGreaterThan(0);
    expect(byOwner.every((entry) => entry.actorId === a.ownerId)).toBe(true);
    expect(byOwner).toHaveLength(all.filter((entry) => entry.actorId === a.ownerId).length);
    expect(await list(a.client, "actorType=api_key")).toEqual([]);

    // from and to are inclusive: from the rename's moment on, only the rename and what followed.
    const rename = updates[0]!;
    const since = await list(a.client, `from=${encodeURIComponent(rename.createdAt)}&limit=200`);
    expect(since.map((entry) => entry.action).sort()).toEqual(all.filter((entry) => entry.createdAt >= rename.createdAt).map((entry) => entry.action).sort());
    expect(since.map((entry) => entry.action)).toContain("api_key.create");
    const until = await list(a.client, `to=${encodeURIComponent(rename.createdAt)}&limit=200`);
    expect(until.map((entry) => entry.action)).not.toContain("api_key.create");
    expect(until.map((entry) => entry.action)).toContain("source_system.update");

    // Another tenant's entries never appear, whatever the filter names.
    expect(await list(a.client, `targetId=${b.hr}`)).toEqual([]);
    expect(await list(a.client, `actorId=${b.ownerId}`)).toEqual([]);
    const aIds = new Set(all.map((entry) => entry.id));
    for (const entry of await list(b.client, "limit=200")) expect(aIds.has(entry.id)).toBe(false);
  });

  it("pages through filtered entries newest first with before", async () => {
    const a = await arrangeTenant();
    const first = await a.client.get("/api/v1/audit-log?action=source_system.create&limit=1");
    expect(first.body.items.map((entry: any) => entry.targetId)).toEqual([a.students]);
    const second = await a.client.get(`/api/v1/audit-log?action=source_system.create&limit=1&before=${first.body.nextBefore}`);
    expect(second.body.items.map((entry: any) => entry.targetId)).toEqual([a.hr]);
    expect(second.body.nextBefore).toBeNull();
  });

  it("refuses bad filter values with a 400 that names the filter", async () => {
    const { client } = await ctx.newTenant();
    const cases: Array<[string, RegExp]> = [
      ["action=DROP%20TABLE", /action/],
      ["actorId=not-a-uuid", /actorId/],
      ["actorType=robot", /actorType/],
      ["targetType=Source%20System", /target type/],
      [`targetId=${"x".repeat(201)}`, /targetId/],
      ["from=yesterday", /from/],
      ["from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", /from must not be later than to/],
      ["limit=1000", /limit/],
      ["actor=someone", /actor/],
    ];
    for (const [query, message] of cases) {
      const response = await client.get(`/api/v1/audit-log?${query}`);
      expect(response.status, query).toBe(400);
      expect(JSON.stringify(response.body.error), query).toMatch(message);
      const exported = await client.get(`/api/v1/audit-log/export.csv?${query.replace("limit=1000", "separator=%7C")}`);
      expect(exported.status, query).toBe(400);
    }
  });
});

describe("audit log target names", () => {
  it("names targets by their current name, by their name when written once gone, else leaves the id", async () => {
    const a = await arrangeTenant();
    const b = await arrangeTenant();
    const arranged = await arrangePersonsOfTenant(ctx.api, a.tenantId);
    const { email: memberEmail } = await ctx.api.addMember(a.tenantId, "operator");
    const membership = await ctx.api.ownerPrisma.membership.findFirstOrThrow({ where: { tenantId: a.tenantId, user: { email: memberEmail } } });
    expect((await a.client.patch(`/api/v1/members/${membership.id}`, { role: "auditor" })).status).toBe(200);
    expect((await a.client.delete(`/api/v1/source-systems/${a.students}`)).status).toBe(204);
    const gone = randomUUID();
    // Entries written before names were stored, one naming another tenant's source system.
    await ctx.api.ownerPrisma.auditEntry.createMany({
      data: [
        { tenantId: a.tenantId, actorType: "system", actorLabel: "system", action: "person.unmerge", targetType: "person", targetId: arranged.personId },
        { tenantId: a.tenantId, actorType: "system", actorLabel: "system", action: "import.approve", targetType: "import", targetId: arranged.importId },
        { tenantId: a.tenantId, actorType: "system", actorLabel: "system", action: "source_system.update", targetType: "source_system", targetId: gone },
        { tenantId: a.tenantId, actorType: "system", actorLabel: "system", action: "source_system.update", targetType: "source_system", targetId: b.hr },
      ],
    });

    const entries = await list(a.client, "limit=200");
    const labelOf = (action: string, targetId: string) => entries.find((entry) => entry.action === action && entry.targetId === targetId)?.targetLabel;
    // Renamed after it was created: the current name on every entry.
    expect(labelOf("source_system.create", a.hr)).toBe("HR export (payroll)");
    // Deleted: the name it had when the entry was written.
    expect(labelOf("source_system.create", a.students)).toBe("Students");
    expect(labelOf("source_system.delete", a.students)).toBe("Students");
    expect(labelOf("api_key.create", a.keyId)).toBe("key read");
    expect(labelOf("member.update", membership.id)).toBe("operator person");
    expect(labelOf("tenant.create", a.tenantId)).toMatch(/^Tenant /);
    expect(labelOf("person.unmerge", arranged.personId)).toBe("Jan de Vries");
    expect(labelOf("import.approve", arranged.importId)).toBe(`HR ${a.tenantId.slice(0, 8)}`);
    expect(labelOf("source_system.update", gone)).toBeNull();
    expect(labelOf("source_system.update", b.hr)).toBeNull();

    const stored = await ctx.api.ownerPrisma.auditEntry.findFirstOrThrow({ where: { tenantId: a.tenantId, action: "source_system.delete" } });
    expect(stored.targetLabel).toBe("Students");
  });
});

describe("audit log CSV export", () => {
  it("streams the filtered log with a BOM, the chosen separator, names, JSON values and formulas neutralised", async () => {
    const a = await arrangeTenant();
    const formula = await createSource(a.client, "=HYPERLINK(\"http://evil.example\")");
    const response = await a.client.open("/api/v1/audit-log/export.csv?targetType=source_system&separator=%3B");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get("content-disposition")).toContain("audit-log.csv");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = bytes.subarray(3).toString("utf8").split("\r\n").filter(Boolean);
    expect(header).toBe("Sequence;Time;ActorType;Actor;ActorId;Action;TargetType;TargetId;Target;Before;After;IpAddress");
    expect(rows.map((row) => row.split(";")[5])).toEqual(["source_system.create", "source_system.update", "source_system.create", "source_system.create"]);
    expect(rows[0]).toContain(`;source_system;${formula};"'=HYPERLINK(""http://evil.example"")";`);
    expect(rows[1]).toContain(`;source_system;${a.hr};HR export (payroll);`);
    // The rename's values as JSON cells, quoted.
    expect(rows[1]).toContain('""name"":""HR export""');
    expect(rows[1]).toContain('""name"":""HR export (payroll)""');
    expect(bytes.toString("utf8")).not.toContain("api_key.create");

    const other = await ctx.newTenant();
    const empty = await other.client.get("/api/v1/audit-log/export.csv?action=source_system.create");
    expect(empty.status).toBe(200);
    expect(empty.text.split("\r\n").filter(Boolean)).toHaveLength(1);
  });

  it("is for those who may read the audit log", async () => {
    const { tenantId } = await ctx.newTenant();
    const { client: operator } = await ctx.api.addMember(tenantId, "operator");
    expect((await operator.get("/api/v1/audit-log/export.csv")).status).toBe(403);
  });
});
