import { describe, expect, it } from "vitest";
import { useScimServer, useSlapd, writingRequests } from "@idlife/testing/peers";
import { listPersonAccounts, previewAccount, requestAccountAction } from "@idlife/use-cases";
import { connectorFetch } from "@idlife/connectors";
import { newTenantWithOu, requestedBy, runUntilIdle, seedPerson, seedSlapdSystem, seedTargetSystem, useEngineTest } from "./engine-test-support.ts";

// "Use account data from": the SCIM application's account is created with the mail the directory
// system generated (a numbered fallback for the second John Doe), and its preview writes nothing.
const slapd = useSlapd();
const scim = useScimServer();
const test = useEngineTest();

describe("a SCIM application using the directory's account data", () => {
  it("creates the SCIM user with the mail the directory system stored", async () => {
    const { tenantId, db, base } = await newTenantWithOu(test, slapd.peer, "scim");
    const mail = `john.doe.${Date.now()}@example.org`;
    const directory = await seedSlapdSystem(test, slapd.peer, tenantId, base, {
      name: "Directory",
      fieldMapping: [
        { attribute: "cn", kind: "field", field: "DisplayName", actions: ["create"], unique: { maxFallbacks: 5, fallbackTemplate: "{value} {n}" } },
        { attribute: "sn", kind: "field", field: "Name.FamilyName" },
        { attribute: "mail", kind: "fixed", value: mail, actions: ["create"], unique: { maxFallbacks: 5 } },
      ],
    });
    const application = await seedTargetSystem(test, tenantId, {
      name: "Application",
      connectorType: "scim",
      settings: { baseUrl: scim.url, auth: { type: "bearer" } },
      secrets: { "auth.token": scim.token },
      fieldMapping: [
        { attribute: "userName", kind: "field", field: `Accounts.${directory.id}.mail`, actions: ["create"] },
        { attribute: "emails.work", kind: "field", field: `Accounts.${directory.id}.mail` },
        { attribute: "name.familyName", kind: "field", field: "Name.FamilyName" },
      ],
    });
    await test.owner.targetSystem.update({ where: { id: application.id }, data: { usesAccountDataFrom: [directory.id] } });
    const first = await seedPerson(test.owner, tenantId, { externalId: "5001", givenName: "John", familyName: "Doe" });
    const second = await seedPerson(test.owner, tenantId, { externalId: "5002", givenName: "John", familyName: "Doe" });
    // One after the other, so that the second is the one that gets the fallback.
    for (const person of [first, second]) {
      await requestAccountAction({ db, jobs: test.jobs }, { targetSystemId: directory.id, personId: person.id, action: "create", requestedBy });
      await runUntilIdle(test, tenantId, directory.id);
    }
    const stored = (await listPersonAccounts({ db }, { personId: second.id }))[0]!.data.mail;
    expect(stored).toBe(mail.replace("@", "2@"));

    // The preview shows the directory's value and sends no write to the service.
    const before = scim.requests.length;
    const preview = await previewAccount({ db, secretsKey: test.secretsKey }, { targetSystemId: application.id, personId: second.id });
    expect(preview.actions[0]!.attributes).toMatchObject({ userName: stored, "emails.work": stored });
    expect(writingRequests(scim.requests.slice(before))).toEqual([]);

    await requestAccountAction({ db, jobs: test.jobs }, { targetSystemId: application.id, personId: second.id, action: "create", requestedBy });
    // With the platform's network guard (a hosted installation), a service on this machine is refused...
    expect((await runUntilIdle(test, tenantId, application.id, { fetch: connectorFetch("deny") })).failed).toBe(1);
    const refused = await test.owner.targetAction.findFirstOrThrow({ where: { targetSystemId: application.id } });
    expect(refused.error).toMatch(/EPRIVATENETWORK/);
    expect(writingRequests(scim.requests.slice(before))).toEqual([]);
    // ...and reached where the installation allows it (the worker's CONNECTOR_PRIVATE_NETWORKS=allow).
    await test.owner.targetAction.deleteMany({ where: { targetSystemId: application.id } });
    await requestAccountAction({ db, jobs: test.jobs }, { targetSystemId: application.id, personId: second.id, action: "create", requestedBy });
    expect((await runUntilIdle(test, tenantId, application.id, { fetch: connectorFetch("allow") })).succeeded).toBe(1);
    const users = [...scim.users.values()].filter((record) => (record as { userName?: string }).userName === stored);
    expect(users).toHaveLength(1);
    const [account] = (await listPersonAccounts({ db }, { personId: second.id })).filter((entry) => entry.targetSystemId === application.id);
    expect(account).toMatchObject({ managedBy: "created", data: { userName: stored } });
  });
});
