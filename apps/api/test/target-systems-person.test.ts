import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @idlife/testing depends on @idlife/api, so the API's tests take the peers by path.
import { useSlapd } from "../../../packages/testing/src/peers/index.ts";
import { newDirectoryOu, slapdDirectorySettings, startTestApi, withDirectory, type TestApi } from "./support/index.ts";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.close());

const slapd = useSlapd();

/** A tenant with a directory system (mapped, correlating on ExternalId) and a person; an operator to act. */
async function arrange() {
  const owner = await api.createTenantWithMember("owner");
  const ou = await newDirectoryOu(slapd.peer);
  const created = await owner.client.post("/api/v1/target-systems", {
    name: "Active Directory",
    connectorType: "ldap",
    settings: slapdDirectorySettings(slapd.peer, ou),
    secrets: { password: slapd.peer.password },
    fieldMapping: [
      { attribute: "cn", actions: ["create"], kind: "field", field: "DisplayName" },
      { attribute: "sn", actions: ["create"], kind: "fixed", value: "Bakker" },
      { attribute: "employeeID", actions: ["create"], kind: "field", field: "ExternalId" },
    ],
    correlation: { personField: "ExternalId", attribute: "employeeID" },
    passwordPolicy: { generate: false },
  });
  expect(created.status, created.text).toBe(201);
  const data = { ExternalId: "E-1", DisplayName: "Anna Bakker", Contracts: [] };
  const person = await api.ownerPrisma.person.create({ data: { tenantId: owner.tenantId, externalId: "E-1", displayName: "Anna Bakker", status: "active", data, sourceSystemIds: [], searchText: "anna bakker" } });
  const operator = await api.addMember(owner.tenantId, "operator");
  const auditor = await api.addMember(owner.tenantId, "auditor");
  return { owner, operator, auditor, ou, systemId: created.body.id as string, personId: person.id };
}

describe("a person's accounts through the API", () => {
  it("previews the exact attributes and the correlation for a person, writing nothing to the directory", async () => {
    const { operator, ou, systemId, personId } = await arrange();
    const preview = await operator.client.get(`/api/v1/persons/${personId}/target-preview?targetSystemId=${systemId}&action=create`);
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body.correlation).toMatchObject({ status: "none", matches: 0 });
    expect(preview.body.actions).toHaveLength(1);
    expect(preview.body.actions[0]).toMatchObject({ action: "create", attributes: { cn: "Anna Bakker", sn: "Bakker", employeeID: "E-1" }, errors: [] });
    const entries = await withDirectory(slapd.peer, async (client) => (await client.search(ou, { scope: "one" })).searchEntries);
    expect(entries).toEqual([]);
  });

  it("queues an account action asked by an operator (once, however often asked), and refuses it to an auditor", async () => {
    const { operator, auditor, systemId, personId } = await arrange();
    const refused = await auditor.client.post(`/api/v1/persons/${personId}/accounts/${systemId}/actions`, { action: "create" });
    expect(refused.status).toBe(403);
    const first = await operator.client.post(`/api/v1/persons/${personId}/accounts/${systemId}/actions`, { action: "create" });
    expect(first.status, first.text).toBe(202);
    expect(first.body).toMatchObject({ kind: "create_account", state: "planned", personId, targetSystemId: systemId });
    const again = await operator.client.post(`/api/v1/persons/${personId}/accounts/${systemId}/actions`, { action: "create" });
    expect(again.body.id).toBe(first.body.id);
    const history = await auditor.client.get(`/api/v1/persons/${personId}/target-actions`);
    expect(history.body.map((action: { id: string; targetSystemName: string }) => [action.id, action.targetSystemName])).toEqual([[first.body.id, "Active Directory"]]);
    const workTable = await auditor.client.get(`/api/v1/target-systems/${systemId}/actions?state=planned`);
    expect(workTable.body.map((action: { id: string }) => action.id)).toEqual([first.body.id]);
    expect((await auditor.client.get(`/api/v1/target-systems/${systemId}/actions?state=failed`)).body).toEqual([]);
  });

  it("refuses to grant a permission the person cannot have yet, saying what to do", async () => {
    const { owner, operator, systemId, personId } = await arrange();
    const permission = await api.ownerPrisma.targetPermission.create({ data: { tenantId: owner.tenantId, targetSystemId: systemId, reference: "cn=Teachers", displayName: "Teachers", kind: "group" } });
    const grant = await operator.client.post(`/api/v1/persons/${personId}/entitlements`, { targetSystemId: systemId, permissionId: permission.id, action: "grant" });
    expect(grant.status).toBe(409);
    expect(grant.body.error.message).toContain("create the account first");
    expect((await operator.client.get(`/api/v1/persons/${personId}/entitlements`)).body).toEqual([]);
  });
});
