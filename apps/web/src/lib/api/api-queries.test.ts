import { describe, expect, it } from "vitest";
import { authKeys } from "../../features/auth/api/auth-keys.ts";
import { platformKeys } from "../../features/platform/api/platform-tenant-queries.ts";
import { personKeys } from "../../features/persons/api/person-keys.ts";
import { tenantKeys } from "../../features/tenants/api/tenant-keys.ts";
import { tenantOf } from "./api-queries.ts";

describe("the tenant an API query is sent for", () => {
  it("is the one its key is scoped to", () => {
    expect(tenantOf(tenantKeys.members("tenant-1"))).toBe("tenant-1");
    expect(tenantOf(personKeys.detail("tenant-2", "person-1"))).toBe("tenant-2");
  });

  it("is none for the signed-in person's and the platform's keys", () => {
    expect(tenantOf(authKeys.invitations())).toBeUndefined();
    expect(tenantOf(platformKeys.tenants())).toBeUndefined();
  });
});
