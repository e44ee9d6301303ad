import { describe, expect, it } from "vitest";
import { tenantKeys } from "./tenant-keys.ts";
import { apiKeyKeys } from "../../settings/api/api-key-keys.ts";
import { auditLogKeys } from "../../audit-log/api/audit-log-keys.ts";
import { personKeys } from "../../persons/api/person-keys.ts";
import { importKeys, sourceSystemKeys } from "../../source-systems/api/source-system-keys.ts";

const tenantA = "0b8f7d3e-4a57-4f35-9d8e-6f9c2a1b7c10";
const tenantB = "5c1e0f62-3d0a-4c4e-8a57-0e9c5d2b1f33";

describe("tenant-scoped query keys", () => {
  const factories = [
    tenantKeys.detail,
    tenantKeys.members,
    tenantKeys.invitations,
    apiKeyKeys.list,
    (tenantId: string) => auditLogKeys.list(tenantId, { limit: 50 }),
    sourceSystemKeys.list,
    (tenantId: string) => sourceSystemKeys.detail(tenantId, "source-1"),
    (tenantId: string) => sourceSystemKeys.imports(tenantId, "source-1", 20),
    (tenantId: string) => sourceSystemKeys.rawRecords(tenantId, "source-1", { search: "", kind: "person", offset: 0, limit: 25 }),
    (tenantId: string) => sourceSystemKeys.blockedPersons(tenantId, "source-1"),
    (tenantId: string) => importKeys.detail(tenantId, "import-1"),
    (tenantId: string) => personKeys.list(tenantId, { limit: 50, offset: 0 }),
    (tenantId: string) => personKeys.detail(tenantId, "person-1"),
    (tenantId: string) => personKeys.history(tenantId, "person-1"),
    (tenantId: string) => personKeys.raw(tenantId, "person-1"),
  ];

  it("start with the tenant, so a tenant's cache can be dropped as a whole", () => {
    for (const keyFor of factories) {
      expect(keyFor(tenantA)[0]).toEqual({ tenantId: tenantA });
      expect(keyFor(tenantA).slice(0, 1)).toEqual(tenantKeys.all(tenantA));
    }
  });

  it("never collide between tenants", () => {
    for (const keyFor of factories) {
      expect(keyFor(tenantA)).not.toEqual(keyFor(tenantB));
    }
  });

  it("differ between lists of one tenant", () => {
    const keys = factories.map((keyFor) => JSON.stringify(keyFor(tenantA)));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("source system and person keys", () => {
  it("group everything of one source system or person under one prefix, so it can be refreshed at once", () => {
    const one = sourceSystemKeys.one(tenantA, "source-1");
    for (const key of [
      sourceSystemKeys.detail(tenantA, "source-1"),
      sourceSystemKeys.imports(tenantA, "source-1", 1),
      sourceSystemKeys.blockedPersons(tenantA, "source-1"),
    ]) {
      expect(key.slice(0, one.length)).toEqual(one);
    }
    expect(personKeys.history(tenantA, "p").slice(0, 2)).toEqual(personKeys.all(tenantA));
  });
});
