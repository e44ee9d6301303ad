import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @idlife/testing depends on @idlife/api, so the API's tests take the peers by path.
import { adShapedRequired, useSlapd } from "../../../packages/testing/src/peers/index.ts";
import { newDirectoryOu, slapdDirectorySettings, startTestApi, withDirectory, type TestApi, type TestClient } from "./support/index.ts";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.close());

const slapd = useSlapd();

const directly = <T,>(work: Parameters<typeof withDirectory<T>>[1]) => withDirectory(slapd.peer, work);
const newOu = () => newDirectoryOu(slapd.peer);

/** An AD-shaped user made by hand in the directory (as an administrator would have). */
async function addUser(ou: string, cn: string, employeeID?: string): Promise<string> {
  const dn = `cn=${cn},${ou}`;
  await directly((client) =>
    client.add(dn, {
      objectClass: ["top", "person", "organizationalPerson", "user", "extensibleObject"],
      cn,
      sn: cn,
      sAMAccountName: cn.toLowerCase().replace(/\s+/g, ""),
      ...(employeeID ? { employeeID } : {}),
      ...adShapedRequired(slapd.peer.baseDn),
    }),
  );
  return directly(async (client) => String((await client.search(dn, { scope: "base", attributes: ["entryUUID"] })).searchEntries[0]!.entryUUID));
}

async function createDirectory(client: TestClient, baseDn: string, password = slapd.peer.password) {
  const response = await client.post("/api/v1/target-systems", {
    name: `Directory ${randomBytes(3).toString("hex")}`,
    connectorType: "ldap",
    settings: slapdDirectorySettings(slapd.peer, baseDn),
    secrets: { password },
    correlation: { personField: "ExternalId", attribute: "employeeID" },
  });
  expect(response.status, response.text).toBe(201);
  return response.body as { id: string; name: string };
}

async function newPerson(tenantId: string, externalId: string, displayName: string) {
  return api.ownerPrisma.person.create({
    data: { tenantId, externalId, displayName, status: "active", data: { ExternalId: externalId, DisplayName: displayName, Contracts: [] }, sourceSystemIds: [], searchText: displayName.toLowerCase() },
  });
}

describe("inventory of a target system", () => {
  it("shows every directory account as managed, correlatable to one person, or orphaned", async () => {
    const { client, tenantId } = await api.createTenantWithMember("owner");
    const ou = await newOu();
    const system = await createDirectory(client, ou);
    const anna = await newPerson(tenantId, "E-100", "Anna Bakker");
    const bram = await newPerson(tenantId, "E-200", "Bram de Wit");
    // Two persons with one value: the platform never guesses between them.
    await newPerson(tenantId, "E-300", "Cor Jansen");
    const managedReference = await addUser(ou, "Anna Bakker", "E-100");
    await api.ownerPrisma.targetAccount.create({ data: { tenantId, targetSystemId: system.id, personId: anna.id, reference: managedReference, managedBy: "created", enabled: true } });
    await addUser(ou, "Bram de Wit", "E-200");
    await addUser(ou, "Old Intern", "E-999");
    await addUser(ou, "Service Account");

    const run = await client.post(`/api/v1/target-systems/${system.id}/inventory`, {});
    expect(run.status, run.text).toBe(200);
    expect(run.body).toMatchObject({ total: 4, counts: { managed: 1, correlatable: 1, orphaned: 2 } });

    const all = await client.get(`/api/v1/target-systems/${system.id}/inventory`);
    const byName = new Map(all.body.items.map((item: { displayName: string }) => [item.displayName, item]));
    expect(byName.get("Anna Bakker")).toMatchObject({ status: "managed", personId: anna.id, personName: "Anna Bakker", reference: managedReference });
    expect(byName.get("Bram de Wit")).toMatchObject({ status: "correlatable", personId: bram.id, personName: "Bram de Wit" });
    expect(byName.get("Old Intern")).toMatchObject({ status: "orphaned", personId: null });
    expect(byName.get("Service Account")).toMatchObject({ status: "orphaned", personId: null });

    const orphaned = await client.get(`/api/v1/target-systems/${system.id}/inventory?status=orphaned`);
    expect(orphaned.body.items.map((item: { displayName: string }) => item.displayName).sort()).toEqual(["Old Intern", "Service Account"]);
    expect(orphaned.body.counts).toEqual({ managed: 1, correlatable: 1, orphaned: 2 });
  });

  it("stops with a clear error beyond the maximum it was given, keeping the previous inventory", async () => {
    const { client } = await api.createTenantWithMember("owner");
    const ou = await newOu();
    const system = await createDirectory(client, ou);
    for (const name of ["One", "Two", "Three"]) await addUser(ou, name);
    expect((await client.post(`/api/v1/target-systems/${system.id}/inventory`, { pageSize: 2 })).body.total).toBe(3);
    const tooMany = await client.post(`/api/v1/target-systems/${system.id}/inventory`, { pageSize: 1, maxAccounts: 2 });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toContain("more than 2 accounts");
    expect((await client.get(`/api/v1/target-systems/${system.id}/inventory`)).body.items).toHaveLength(3);
    const unbounded = await client.post(`/api/v1/target-systems/${system.id}/inventory`, { maxAccounts: 10_000_000 });
    expect(unbounded.status).toBe(400);
  });
});

describe("connection and permissions", () => {
  it("tests the connection with the stored password, and says why when it fails", async () => {
    const { client } = await api.createTenantWithMember("owner");
    const ou = await newOu();
    const good = await createDirectory(client, ou);
    const ok = await client.post(`/api/v1/target-systems/${good.id}/test-connection`);
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.ok).toBe(true);
    const bad = await createDirectory(client, ou, "wrong-password");
    const refused = await client.post(`/api/v1/target-systems/${bad.id}/test-connection`);
    expect(refused.status).toBe(200);
    expect(refused.body.ok).toBe(false);
    expect(refused.body.message).not.toContain("wrong-password");
    expect(refused.body.message.length).toBeGreaterThan(10);
  });

  it("lists the groups from the directory and marks one that is gone", async () => {
    const { client } = await api.createTenantWithMember("owner");
    const ou = await newOu();
    const system = await createDirectory(client, ou);
    const groupDn = (cn: string) => `cn=${cn},${ou}`;
    for (const cn of ["Teachers", "Students"]) {
      await directly((directory) => directory.add(groupDn(cn), { objectClass: ["top", "group"], cn, groupType: "-2147483646", ...adShapedRequired(slapd.peer.baseDn, "Group") }));
    }
    const first = await client.post(`/api/v1/target-systems/${system.id}/permissions/refresh`);
    expect(first.status, first.text).toBe(200);
    expect(first.body).toEqual({ total: 2, added: 2, gone: 0 });
    await directly((directory) => directory.del(groupDn("Students")));
    expect((await client.post(`/api/v1/target-systems/${system.id}/permissions/refresh`)).body).toEqual({ total: 1, added: 0, gone: 1 });
    const permissions = await client.get(`/api/v1/target-systems/${system.id}/permissions`);
    // Still there first, gone last.
    expect(permissions.body.map((permission: { displayName: string; goneAt: string | null }) => [permission.displayName, permission.goneAt !== null])).toEqual([
      ["Teachers", false],
      ["Students", true],
    ]);
  });
});
