// The SCIM connector's groups and paging against a real SCIM service (scimmy, started for this file).
import { useScimServer, writingRequests } from "@idlife/testing/peers";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { TargetSession } from "../../src/index.ts";
import { newPerson, openScim } from "./scim-session.ts";

const server = useScimServer();
let session: TargetSession;

beforeAll(async () => {
  session = await openScim(server, { settings: { pageSize: 3 } });
});
afterAll(async () => session.close());

const newAccount = async () => (await session.createAccount({ data: newPerson(), enabled: true })).account.reference;
const memberIds = (groupId: string) => ((server.groups.get(groupId)!.members ?? []) as { value: string }[]).map((member) => member.value);

describe("SCIM groups", () => {
  test("createPermission makes a group once; asking again returns the same group", async () => {
    const group = await session.createPermission!("Teachers Utrecht", "group");
    expect(group).toMatchObject({ displayName: "Teachers Utrecht", kind: "group" });
    expect(server.groups.get(group.reference)!.displayName).toBe("Teachers Utrecht");
    expect(await session.createPermission!("Teachers Utrecht", "group")).toEqual(group);
    expect([...server.groups.values()].filter((stored) => stored.displayName === "Teachers Utrecht")).toHaveLength(1);
    await expect(session.createPermission!("E3", "licence")).rejects.toThrow(/kind "group" only/);
  });

  test("grant adds the account with one PATCH add; granting again is 'already' and writes nothing", async () => {
    const account = await newAccount();
    const group = await session.createPermission!("Grant group", "group");

    const before = server.requests.length;
    expect((await session.grantPermission(account, group.reference)).outcome).toBe("done");
    expect(memberIds(group.reference)).toEqual([account]);
    expect(writingRequests(server.requests.slice(before))).toEqual([
      {
        method: "PATCH",
        path: `/Groups/${group.reference}`,
        body: { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "add", path: "members", value: [{ value: account }] }] },
      },
    ]);

    const again = server.requests.length;
    expect((await session.grantPermission(account, group.reference)).outcome).toBe("already");
    expect(writingRequests(server.requests.slice(again))).toEqual([]);
    expect(await session.accountPermissions(account)).toEqual([group.reference]);
  });

  test("revoke removes only that account: a member added by hand in the application stays", async () => {
    const ours = await newAccount();
    const addedByHand = await newAccount();
    const group = await session.createPermission!("Shared group", "group");
    await session.grantPermission(ours, group.reference);
    server.groups.get(group.reference)!.members = [...(server.groups.get(group.reference)!.members as object[]), { value: addedByHand }];

    expect((await session.revokePermission(ours, group.reference)).outcome).toBe("done");
    expect(memberIds(group.reference)).toEqual([addedByHand]);
    expect((await session.revokePermission(ours, group.reference)).outcome).toBe("already");
    expect(await session.accountPermissions(ours)).toEqual([]);
    expect(await session.accountPermissions(addedByHand)).toEqual([group.reference]);
  });

  test("accountPermissions also works through the user's groups attribute", async () => {
    const account = await newAccount();
    const first = await session.createPermission!("Via user one", "group");
    const second = await session.createPermission!("Via user two", "group");
    await session.grantPermission(account, first.reference);
    await session.grantPermission(account, second.reference);
    const byUser = await openScim(server, { settings: { membershipLookup: "user-groups" } });
    expect((await byUser.accountPermissions(account)).sort()).toEqual([first.reference, second.reference].sort());
    expect((await session.accountPermissions(account)).sort()).toEqual([first.reference, second.reference].sort());
  });

  test("granting a group that no longer exists says so", async () => {
    const account = await newAccount();
    const group = await session.createPermission!("Short-lived", "group");
    server.groups.delete(group.reference);
    await expect(session.grantPermission(account, group.reference)).rejects.toThrow(/group .* no longer exists/);
  });
});

describe("SCIM paging", () => {
  test("listPermissions and listAccounts read every page (page size 3)", async () => {
    for (let index = 0; index < 8; index += 1) await session.createPermission!(`Paged group ${index}`, "group");
    for (let index = 0; index < 7; index += 1) await newAccount();

    const before = server.requests.length;
    const permissions = await session.listPermissions();
    expect(permissions.map((permission) => permission.displayName)).toEqual(expect.arrayContaining([...Array(8).keys()].map((index) => `Paged group ${index}`)));
    expect(permissions).toHaveLength(server.groups.size);
    const listRequests = server.requests.slice(before).filter((request) => request.path.startsWith("/Groups?"));
    expect(listRequests.length).toBe(Math.ceil(server.groups.size / 3));

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await session.listAccounts({ cursor, limit: 50 });
      expect(page.accounts.length).toBeLessThanOrEqual(3);
      seen.push(...page.accounts.map((account) => account.reference));
      cursor = page.cursor;
      pages += 1;
    } while (cursor !== undefined);
    expect(pages).toBeGreaterThan(2);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual([...server.users.keys()].sort());
  });
});
