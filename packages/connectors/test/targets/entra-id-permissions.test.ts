// Group memberships and licences as permissions, granted and revoked through Graph's $ref and
// assignLicense, read back through memberOf and assignedLicenses.
import { useGraphServer } from "../../../testing/src/peers/index.ts";
import { describe, expect, it } from "vitest";
import { expectAllAccepted, newPersonData, openEntra, PASSWORD } from "./entra-session-helper.ts";

const graph = useGraphServer({
  groups: [{ displayName: "Teachers", description: "All teaching staff" }, { displayName: "Students" }],
  licences: [
    { skuPartNumber: "ENTERPRISEPACK", enabledUnits: 10 },
    { skuPartNumber: "SCARCE", enabledUnits: 1 },
  ],
});

const groupId = (name: string) => [...graph.server.groups.values()].find((group) => group.displayName === name)!.id;
const skuId = (name: string) => [...graph.server.licences.values()].find((licence) => licence.skuPartNumber === name)!.skuId;

describe("Entra ID permissions: groups and licences", () => {
  it("lists the tenant's groups and licences as permissions of two kinds", async () => {
    const session = await openEntra(graph.server);
    const permissions = await session.listPermissions();
    expect(permissions).toEqual(
      expect.arrayContaining([
        { reference: `group:${groupId("Teachers")}`, displayName: "Teachers", kind: "group", description: "All teaching staff" },
        expect.objectContaining({ reference: `licence:${skuId("ENTERPRISEPACK")}`, displayName: "ENTERPRISEPACK", kind: "licence" }),
      ]),
    );
    expect(permissions).toHaveLength(4);
    const groupsOnly = await openEntra(graph.server, { settings: { licences: "ignore" } });
    expect((await groupsOnly.listPermissions()).every((permission) => permission.kind === "group")).toBe(true);
  });

  it("grants and revokes a group membership, and a hand-added membership survives", async () => {
    const session = await openEntra(graph.server);
    const { account } = await session.createAccount({ data: newPersonData(graph.server), password: PASSWORD, enabled: true });
    graph.server.groups.get(groupId("Students"))!.members.add(account.reference);
    const from = graph.server.requests.length;
    const teachers = `group:${groupId("Teachers")}`;
    expect((await session.grantPermission(account.reference, teachers)).outcome).toBe("done");
    expect(graph.server.groups.get(groupId("Teachers"))!.members.has(account.reference)).toBe(true);
    expect((await session.grantPermission(account.reference, teachers)).outcome).toBe("already");
    expect(await session.accountPermissions(account.reference)).toEqual(expect.arrayContaining([teachers, `group:${groupId("Students")}`]));
    expect((await session.revokePermission(account.reference, teachers)).outcome).toBe("done");
    expect(graph.server.groups.get(groupId("Teachers"))!.members.has(account.reference)).toBe(false);
    expect(graph.server.groups.get(groupId("Students"))!.members.has(account.reference)).toBe(true);
    expect((await session.revokePermission(account.reference, teachers)).outcome).toBe("already");
    // The second grant's "already exists" answer (400) is Graph's own; everything else was accepted.
    const refused = graph.server.requests.slice(from).filter((request) => request.status === 400);
    expect(refused).toHaveLength(1);
    expectAllAccepted({ ...graph.server, requests: graph.server.requests.filter((request) => !refused.includes(request)) }, from);
  });

  it("assigns and removes a licence, setting the usage location Graph requires first", async () => {
    const session = await openEntra(graph.server, { settings: { usageLocation: undefined } });
    const { account } = await session.createAccount({ data: newPersonData(graph.server), password: PASSWORD, enabled: true });
    const licence = `licence:${skuId("ENTERPRISEPACK")}`;
    // Without a usage location Graph refuses the licence, and says so.
    await expect(session.grantPermission(account.reference, licence)).rejects.toThrow(/invalid usage location/);
    const from = graph.server.requests.length;
    const configured = await openEntra(graph.server, { settings: { usageLocation: "BE" } });
    const granted = await configured.grantPermission(account.reference, licence);
    expect(granted).toMatchObject({ outcome: "done", messages: ["usage location set to BE", `licence ${skuId("ENTERPRISEPACK")} assigned`] });
    expect(graph.server.users.get(account.reference)!.assignedLicenses).toEqual([{ skuId: skuId("ENTERPRISEPACK"), disabledPlans: [] }]);
    expect(await configured.accountPermissions(account.reference)).toContain(licence);
    expect((await configured.grantPermission(account.reference, licence)).outcome).toBe("already");
    expect((await configured.revokePermission(account.reference, licence)).outcome).toBe("done");
    expect(graph.server.users.get(account.reference)!.assignedLicenses).toEqual([]);
    expect((await configured.revokePermission(account.reference, licence)).outcome).toBe("already");
    expectAllAccepted(graph.server, from);
  });

  it("passes on Graph's refusal when a licence has no units left, and refuses a malformed reference", async () => {
    const session = await openEntra(graph.server);
    const first = (await session.createAccount({ data: newPersonData(graph.server), password: PASSWORD, enabled: true })).account;
    const second = (await session.createAccount({ data: newPersonData(graph.server), password: PASSWORD, enabled: true })).account;
    await session.grantPermission(first.reference, `licence:${skuId("SCARCE")}`);
    await expect(session.grantPermission(second.reference, `licence:${skuId("SCARCE")}`)).rejects.toThrow(/SCARCE does not have any available licenses/);
    await expect(session.grantPermission(second.reference, "role:admin")).rejects.toThrow(/expected "group:<group id>" or "licence:<skuId>"/);
  });

  it("creates a security group by name once, taking the existing one on a second call", async () => {
    const session = await openEntra(graph.server);
    const from = graph.server.requests.length;
    const created = await session.createPermission!("School De Linde", "group");
    expect(created).toMatchObject({ kind: "group", displayName: "School De Linde" });
    const group = graph.server.groups.get(created.reference.slice("group:".length))!;
    expect(group).toMatchObject({ securityEnabled: true, mailEnabled: false, mailNickname: "SchoolDeLinde" });
    expect(await session.createPermission!("School De Linde", "group")).toEqual(created);
    expect([...graph.server.groups.values()].filter((existing) => existing.displayName === "School De Linde")).toHaveLength(1);
    await expect(session.createPermission!("E5", "licence")).rejects.toThrow(/can only create groups/);
    expectAllAccepted(graph.server, from);
  });
});
