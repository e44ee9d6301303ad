import { describe, expect, it } from "vitest";
import { accountChanges, accountDataSources, generatePassword, mapAccount, mapContainer, mappingSubject, orderSystems, uniqueCandidates, firstFreeValue, type FieldMappingRule } from "../../src/index.ts";

const person = {
  ExternalId: "1001",
  Name: { GivenName: "John", FamilyName: "Doe" },
  Custom: { Badge: "B-7" },
  Contracts: [
    { ExternalId: "c1", Department: { ExternalId: "SALES" }, Title: "Seller" },
    { ExternalId: "c2", Department: { ExternalId: "IT" }, Title: "Admin" },
  ],
  PrimaryContract: { ExternalId: "c2" },
};
const adSystem = "7d0c9e1e-0000-4000-8000-000000000001";
const subject = mappingSubject(person, new Map([[adSystem, { mail: "john.doe@example.org" }]]));

const rule = (attribute: string, kind: FieldMappingRule["kind"], extra: Partial<FieldMappingRule> = {}): FieldMappingRule => ({ attribute, actions: ["create", "update"], kind, ...extra });

describe("field mapping for an action", () => {
  it("reads person, primary contract, custom and other systems' account fields, and leaves out fields of other actions", async () => {
    const mapped = await mapAccount(
      [
        rule("givenName", "field", { field: "Name.GivenName" }),
        rule("department", "field", { field: "PrimaryContract.Department.ExternalId" }),
        rule("badge", "field", { field: "Custom.Badge" }),
        rule("mail", "field", { field: `Accounts.${adSystem}.mail` }),
        rule("company", "fixed", { value: "Example" }),
        rule("objectGUID", "none"),
        { attribute: "description", actions: ["disable"], kind: "fixed", value: "left" },
      ],
      "update",
      subject,
    );
    expect(mapped.attributes).toEqual({ givenName: "John", department: "IT", badge: "B-7", mail: "john.doe@example.org", company: "Example" });
    expect(mapped.stored).toContain("objectGUID");
    expect(mapped.errors).toEqual([]);
  });

  it("runs complex fields through the evaluator it is given and reports a failing one by attribute", async () => {
    const mapped = await mapAccount([rule("cn", "complex", { script: "return 1" }), rule("bad", "complex", { script: "throw" })], "create", subject, async ({ attribute }) => {
      if (attribute === "bad") throw new Error("ReferenceError: x is not defined (line 1)");
      return "John Doe";
    });
    expect(mapped.attributes).toEqual({ cn: "John Doe" });
    expect(mapped.errors).toEqual(["bad: ReferenceError: x is not defined (line 1)"]);
  });

  it("refuses an object value with a hint, and a bad path with what to fix", async () => {
    const mapped = await mapAccount([rule("name", "field", { field: "Name" }), rule("x", "field", { field: "Name..GivenName" })], "create", subject);
    expect(mapped.errors[0]).toMatch(/^name: the mapped value is an object/);
    expect(mapped.errors[1]).toMatch(/^x: the person field path "Name..GivenName"/);
  });

  it("marks unique fields", async () => {
    const mapped = await mapAccount([rule("sAMAccountName", "fixed", { value: "jdoe", unique: { maxFallbacks: 3 } })], "create", subject);
    expect(mapped.unique).toEqual([{ attribute: "sAMAccountName", rule: { maxFallbacks: 3 } }]);
  });
});

describe("container", () => {
  it("looks the department up and falls back to the default", async () => {
    const container = { kind: "field" as const, field: "PrimaryContract.Department.ExternalId", lookup: { IT: "OU=IT,DC=x" }, value: "OU=Staff,DC=x" };
    expect(await mapContainer(container, subject)).toBe("OU=IT,DC=x");
    const sales = mappingSubject({ ...person, PrimaryContract: { ExternalId: "c1" } }, new Map());
    expect(await mapContainer(container, sales)).toBe("OU=Staff,DC=x");
    await expect(mapContainer({ kind: "field", field: "Nope", lookup: {} }, subject)).rejects.toThrow(/gives no container/);
  });
});

describe("unique values", () => {
  it("numbers fallbacks from 2, mail-like values before the @", async () => {
    expect(uniqueCandidates("jdoe", { maxFallbacks: 3 })).toEqual(["jdoe", "jdoe2", "jdoe3", "jdoe4"]);
    expect(uniqueCandidates("j.doe@x.org", { maxFallbacks: 1 })).toEqual(["j.doe@x.org", "j.doe2@x.org"]);
    expect(uniqueCandidates("jdoe", { maxFallbacks: 1, fallbackTemplate: "{value}-{n}" })).toEqual(["jdoe", "jdoe-2"]);
    expect(() => uniqueCandidates("jdoe", { maxFallbacks: 1, fallbackTemplate: "{value}" })).toThrow(/has no \{n\}/);
    expect(uniqueCandidates("a", { maxFallbacks: 1000 })).toHaveLength(100);
  });

  it("takes the first free candidate and says when all are taken", async () => {
    const taken = new Set(["jdoe", "jdoe2"]);
    expect(await firstFreeValue("sAMAccountName", uniqueCandidates("jdoe", { maxFallbacks: 9 }), async (value) => taken.has(value))).toBe("jdoe3");
    await expect(firstFreeValue("sAMAccountName", ["jdoe", "jdoe2"], async () => true)).rejects.toThrow(/jdoe and its 1 numbered fallbacks are all taken/);
  });
});

describe("update diff", () => {
  it("sends only what differs; arrays compare as sets; empty equals unset", () => {
    const changes = accountChanges({ givenName: "John", department: "IT", proxy: ["b", "a"], title: null, phone: "12" }, { givenName: "John", department: "Sales", proxy: ["a", "b"], phone: 12 });
    expect([...changes.entries()]).toEqual([["department", { from: "Sales", to: "IT" }]]);
  });
});

describe("system order", () => {
  const system = (id: string, uses: string[] = []) => ({ id, name: `sys-${id}`, usesAccountDataFrom: uses });
  it("puts systems after the ones whose data they use", () => {
    expect(orderSystems([system("scim", ["ad"]), system("ad"), system("entra", ["scim"])]).map((entry) => entry.id)).toEqual(["ad", "scim", "entra"]);
    expect(accountDataSources(["Accounts.ad1.mail", "Name.GivenName", undefined, "Accounts.ad1.upn", "Accounts.x.y"])).toEqual(["ad1", "x"]);
  });
  it("refuses a cycle naming the systems", () => {
    expect(() => orderSystems([system("a", ["b"]), system("b", ["c"]), system("c", ["a"])])).toThrow("(sys-a -> sys-b -> sys-c -> sys-a)");
  });
});

describe("password generator", () => {
  it("has every class, the policy's length, and differs each time", () => {
    const passwords = Array.from({ length: 50 }, () => generatePassword({ length: 16 }));
    for (const password of passwords) {
      expect(password).toHaveLength(16);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[0-9]/);
      expect(password).toMatch(/[^A-Za-z0-9]/);
    }
    expect(new Set(passwords).size).toBe(50);
    expect(() => generatePassword({ length: 8 })).toThrow(/from 12 to 128/);
    expect(() => generatePassword({ length: 500 })).toThrow(/from 12 to 128/);
  });
});
