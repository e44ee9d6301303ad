import { describe, expect, it } from "vitest";
import { tenantKeys } from "./tenant-keys.ts";
import { apiKeyKeys } from "../../settings/api/api-key-keys.ts";
import { auditLogKeys } from "../../audit-log/api/audit-log-keys.ts";

const tenantA = "0b8f7d3e-4a57-4f35-9d8e-6f9c2a1b7c10";
const tenantB = "5c1e0f62-3d0a-4c4e-8a57-0e9c5d2b1f33";

describe("tenant-scoped query keys", () => {
  const factories = [
    tenantKeys.detail,
    tenantKeys.members,
    apiKeyKeys.list,
    (tenantId: string) => auditLogKeys.list(tenantId, { limit: 50 }),
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
