// The SCIM connector's accounts against a real SCIM service (scimmy, started for this file).
import { useScimServer, writingRequests } from "@idlife/testing/peers";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { TargetSession } from "../../src/index.ts";
import { newPerson, openScim } from "./scim-session.ts";

const server = useScimServer();
const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
let session: TargetSession;

beforeAll(async () => {
  session = await openScim(server);
});
afterAll(async () => session.close());

describe("SCIM accounts", () => {
  test("create sends the mapped attributes as SCIM JSON and the service stores them", async () => {
    const person = newPerson({ [`${ENTERPRISE}:employeeNumber`]: "4711" });
    const created = await session.createAccount({ data: person, enabled: false, password: "S3cret!pass" });

    expect(created.outcome).toBe("done");
    const stored = server.users.get(created.account.reference)!;
    expect(stored).toMatchObject({
      userName: person.userName,
      externalId: person.externalId,
      name: { givenName: "Jan", familyName: person["name.familyName"] },
      emails: [{ type: "work", value: person.emails, primary: true }],
      active: false,
      [ENTERPRISE]: { employeeNumber: "4711" },
    });
    expect(created.account).toMatchObject({ enabled: false, data: { userName: person.userName, "name.givenName": "Jan", emails: person.emails } });
    // The password travels once, to the service; it is never part of the account read back.
    expect(JSON.stringify(created)).not.toContain("S3cret!pass");
  });

  test("get reads an account back by id, and null once it is gone", async () => {
    const { account } = await session.createAccount({ data: newPerson(), enabled: true });
    expect(await session.getAccount(account.reference)).toMatchObject({ reference: account.reference, enabled: true, data: account.data });
    server.users.delete(account.reference);
    expect(await session.getAccount(account.reference)).toBeNull();
  });

  test("find correlates by userName, externalId, e-mail and an extension attribute", async () => {
    const person = newPerson({ [`${ENTERPRISE}:employeeNumber`]: "E-99" });
    const { account } = await session.createAccount({ data: person, enabled: true });
    await session.createAccount({ data: newPerson(), enabled: true });

    for (const [attribute, value] of [
      ["userName", person.userName],
      ["externalId", person.externalId],
      ["emails", person.emails],
      ["emails.value", person.emails],
      ["emails.work", person.emails],
      ['emails[type eq "work"].value', person.emails],
      [`${ENTERPRISE}:employeeNumber`, "E-99"],
    ] as const) {
      const found = await session.findAccounts(attribute, String(value));
      expect(found.map((match) => match.reference), attribute).toEqual([account.reference]);
    }
    expect(await session.findAccounts("userName", "nobody@example.test")).toEqual([]);
  });

  test("valueInUse sees a taken userName, but not the account's own", async () => {
    const person = newPerson();
    const { account } = await session.createAccount({ data: person, enabled: true });
    expect(await session.valueInUse("userName", person.userName)).toBe(true);
    expect(await session.valueInUse("userName", person.userName, account.reference)).toBe(false);
    expect(await session.valueInUse("userName", `free.${person.userName}`)).toBe(false);
  });

  test("update sends one PATCH with only the changed attributes, and keeps a hand-added home e-mail", async () => {
    const { account } = await session.createAccount({ data: newPerson(), enabled: true });
    const stored = server.users.get(account.reference)!;
    (stored.emails as object[]).push({ type: "home", value: "home@example.test" });
    const before = server.requests.length;

    const result = await session.updateAccount(account.reference, {
      changes: { "name.familyName": "Pietersen", emails: "jan.pietersen@example.test", displayName: null },
    });

    expect(result.outcome).toBe("done");
    const patches = server.requests.slice(before).filter((request) => request.method === "PATCH");
    expect(patches).toHaveLength(1);
    expect(patches[0]!.body).toEqual({
      schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
      Operations: [
        { op: "replace", path: "name.familyName", value: "Pietersen" },
        { op: "replace", path: 'emails[type eq "work"].value', value: "jan.pietersen@example.test" },
        { op: "remove", path: "displayName" },
      ],
    });
    const after = server.users.get(account.reference)!;
    expect(after.name).toMatchObject({ givenName: "Jan", familyName: "Pietersen" });
    expect(after.displayName).toBeUndefined();
    expect(after.emails).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: "work", value: "jan.pietersen@example.test" }), expect.objectContaining({ type: "home", value: "home@example.test" })]),
    );
  });

  test("an update without changes sends nothing", async () => {
    const { account } = await session.createAccount({ data: newPerson(), enabled: true });
    const before = server.requests.length;
    expect((await session.updateAccount(account.reference, { changes: {} })).outcome).toBe("already");
    expect(server.requests.length).toBe(before);
  });

  test("update adds a work e-mail to an account that had none", async () => {
    const { account } = await session.createAccount({ data: newPerson({ emails: null }), enabled: true });
    await session.updateAccount(account.reference, { changes: { emails: "new@example.test" } });
    expect(server.users.get(account.reference)!.emails).toEqual([expect.objectContaining({ type: "work", value: "new@example.test" })]);
  });

  test("disable and enable flip active through PATCH; doing it twice is 'already'", async () => {
    const { account } = await session.createAccount({ data: newPerson(), enabled: true });

    const before = server.requests.length;
    expect((await session.setAccountEnabled(account.reference, false)).outcome).toBe("done");
    expect(server.users.get(account.reference)!.active).toBe(false);
    expect(writingRequests(server.requests.slice(before))).toEqual([
      expect.objectContaining({ method: "PATCH", body: expect.objectContaining({ Operations: [{ op: "replace", path: "active", value: false }] }) }),
    ]);
    expect((await session.setAccountEnabled(account.reference, false)).outcome).toBe("already");

    expect((await session.setAccountEnabled(account.reference, true)).outcome).toBe("done");
    expect(server.users.get(account.reference)!.active).toBe(true);
    expect((await session.getAccount(account.reference))!.enabled).toBe(true);
  });

  test("delete removes the account; deleting it again is 'already'", async () => {
    const { account } = await session.createAccount({ data: newPerson(), enabled: true });
    expect((await session.deleteAccount(account.reference)).outcome).toBe("done");
    expect(server.users.has(account.reference)).toBe(false);
    expect((await session.deleteAccount(account.reference)).outcome).toBe("already");
  });

  test("a userName the service already has gives its own uniqueness message", async () => {
    const person = newPerson();
    await session.createAccount({ data: person, enabled: true });
    await expect(session.createAccount({ data: { ...newPerson(), userName: person.userName }, enabled: true })).rejects.toThrow(
      /POST \/Users answered 409: \(uniqueness\) userName ".*" is already taken/,
    );
  });

  test("a malformed attribute name is refused before anything is sent", async () => {
    const before = server.requests.length;
    await expect(session.createAccount({ data: { ...newPerson(), "__proto__.polluted": "x" }, enabled: true })).rejects.toThrow(/not a SCIM attribute/);
    await expect(session.findAccounts('userName eq "x" or userName', "y")).rejects.toThrow(/not a SCIM attribute path/);
    expect(server.requests.length).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
