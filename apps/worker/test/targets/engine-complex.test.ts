import { describe, expect, it } from "vitest";
import { useSlapd } from "@idlife/testing/peers";
import { previewAccount, requestAccountAction } from "@idlife/use-cases";
import { entriesUnder, newTenantWithOu, organizationalUnit, requestedBy, runUntilIdle, seedPerson, seedSlapdSystem, useEngineTest } from "./engine-test-support.ts";

// Complex mappings run in the tenant's sandbox with `person`, `contract`, `accounts`, `previous`;
// a script that throws is an error for that person, with its attribute and line, and nothing is created.
const slapd = useSlapd();
const test = useEngineTest();

describe("complex target mappings", () => {
  it("computes attributes and the container in the sandbox; a throwing script creates nothing and says why", async () => {
    const { tenantId, db, base } = await newTenantWithOu(test, slapd.peer, "complex");
    const fieldMapping = (title: string) => [
      { attribute: "cn", kind: "complex" as const, script: "`${person.Name.GivenName} ${person.Name.FamilyName}`.toUpperCase()", actions: ["create"] },
      { attribute: "sn", kind: "field" as const, field: "Name.FamilyName" },
      { attribute: "title", kind: "complex" as const, script: title },
    ];
    const container = { kind: "complex", script: `return "ou=" + contract.Department.ExternalId.toLowerCase() + ",${base}";` };
    const working = await seedSlapdSystem(test, slapd.peer, tenantId, base, { container, fieldMapping: fieldMapping("contract.Title + ';'") });
    const broken = await seedSlapdSystem(test, slapd.peer, tenantId, base, { container, fieldMapping: fieldMapping("const x = 1;\nreturn person.Nope.Deeper;") });
    await organizationalUnit(slapd.peer, "sales", base);
    const person = await seedPerson(test.owner, tenantId, { externalId: "7001", givenName: "Cora", familyName: "Complex" });

    const preview = await previewAccount({ db, secretsKey: test.secretsKey }, { targetSystemId: working.id, personId: person.id });
    expect(preview.actions[0]).toMatchObject({ attributes: { cn: "CORA COMPLEX", sn: "Complex", title: "Employee;" }, container: `ou=sales,${base}`, errors: [] });

    for (const system of [working, broken]) await requestAccountAction({ db, jobs: test.jobs }, { targetSystemId: system.id, personId: person.id, action: "create", requestedBy });
    await runUntilIdle(test, tenantId, working.id);
    await runUntilIdle(test, tenantId, broken.id);
    expect((await entriesUnder(slapd.peer, base)).map((entry) => [entry.dn, entry.title])).toEqual([[`cn=CORA COMPLEX,ou=sales,${base}`, "Employee;"]]);
    const failed = await test.owner.targetAction.findFirstOrThrow({ where: { targetSystemId: broken.id } });
    expect(failed.state).toBe("failed");
    expect(failed.error).toMatch(/^The account was not created: title: TypeError: Cannot read properties of undefined \(reading 'Deeper'\) \(line 2\)/);
    expect(await test.owner.targetAccount.count({ where: { targetSystemId: broken.id } })).toBe(0);
  });
});
