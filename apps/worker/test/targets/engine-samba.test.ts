import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { canBindToSamba, ensureSamba, newOrganizationalUnit, sambaDirectorySettings, type SambaPeer } from "@idlife/testing/peers";
import { listPersonAccounts, requestAccountAction } from "@idlife/use-cases";
import { requestedBy, runUntilIdle, seedPerson, seedTargetSystem, useEngineTest } from "./engine-test-support.ts";

// The engine against the real Active Directory (Samba's domain controller over LDAPS): the
// generated password works, enable and disable decide whether the user can sign in.
let samba: SambaPeer;
beforeAll(async () => {
  samba = await ensureSamba();
}, 120_000);
const test = useEngineTest();

const canBind = (principal: string, password: string) => canBindToSamba(samba, principal, password);

describe("target engine on Samba AD", () => {
  it("creates a user with a generated password that can sign in once enabled, not after disable; delete removes it", { timeout: 120_000 }, async () => {
    const { tenantId, db } = await test.newTenant();
    const ou = await newOrganizationalUnit(samba);
    // sAMAccountName is domain-wide: a name of this test's own.
    const login = `eng${randomBytes(3).toString("hex")}`;
    const system = await seedTargetSystem(test, tenantId, {
      connectorType: "ldap",
      settings: sambaDirectorySettings(samba, ou),
      secrets: { password: samba.password },
      passwordPolicy: { length: 16 },
      fieldMapping: [
        { attribute: "cn", kind: "field", field: "DisplayName", actions: ["create"] },
        { attribute: "givenName", kind: "field", field: "Name.GivenName" },
        { attribute: "sn", kind: "field", field: "Name.FamilyName" },
        { attribute: "sAMAccountName", kind: "fixed", value: login, actions: ["create"], unique: { maxFallbacks: 3 } },
        { attribute: "userPrincipalName", kind: "fixed", value: `${login}@test.local`, actions: ["create"], unique: { maxFallbacks: 3 } },
      ],
    });
    const person = await seedPerson(test.owner, tenantId, { externalId: "6001", givenName: "Sam", familyName: `Ba ${login}` });
    const passwords = new Map<string, string>();
    const run = () => runUntilIdle(test, tenantId, system.id, { onPassword: (personId, password) => passwords.set(personId, password) });
    const act = async (action: "create" | "enable" | "disable" | "delete") => {
      await requestAccountAction({ db, jobs: test.jobs }, { targetSystemId: system.id, personId: person.id, action, requestedBy });
      await run();
    };

    await act("create");
    const password = passwords.get(person.id)!;
    expect(password).toHaveLength(16);
    const [account] = await listPersonAccounts({ db }, { personId: person.id });
    expect(account).toMatchObject({ enabled: false, data: { sAMAccountName: login, userPrincipalName: `${login}@test.local` } });
    expect(account!.reference).toMatch(/^[0-9a-f-]{36}$/);
    expect(await canBind(`${login}@test.local`, password)).toBe(false);
    await act("enable");
    expect(await canBind(`${login}@test.local`, password)).toBe(true);
    await act("disable");
    expect(await canBind(`${login}@test.local`, password)).toBe(false);
    await act("delete");
    const client = await samba.connect();
    try {
      expect((await client.search(ou, { scope: "sub", filter: `(sAMAccountName=${login})` })).searchEntries).toEqual([]);
    } finally {
      await client.unbind();
    }
    // The password is in no row and no audit entry.
    const rows = JSON.stringify([await test.owner.targetAction.findMany({ where: { tenantId } }), (await test.owner.auditEntry.findMany({ where: { tenantId } })).map((entry) => [entry.before, entry.after])]);
    expect(rows).not.toContain(password);
  });
});
