import { describe, expect, it } from "vitest";
import type { TenantMembership } from "@idlife/contracts";
import { areaItemPaths, findMembership, homePath, parseTenantPath, postSignInPath, switchTenantPath } from "./tenant-paths.ts";

const acme: TenantMembership = {
  tenantId: "0b8f7d3e-4a57-4f35-9d8e-6f9c2a1b7c10",
  tenantName: "Acme",
  tenantSlug: "acme",
  role: "owner",
};
const globex: TenantMembership = {
  tenantId: "5c1e0f62-3d0a-4c4e-8a57-0e9c5d2b1f33",
  tenantName: "Globex",
  tenantSlug: "globex",
  role: "auditor",
};
const user = { memberships: [acme, globex] };

describe("homePath", () => {
  it("opens the first tenant's dashboard", () => {
    expect(homePath(user)).toBe("/t/acme/dashboard");
  });

  it("is the root for a person without tenants", () => {
    expect(homePath({ memberships: [] })).toBe("/");
  });
});

describe("findMembership", () => {
  it("matches the slug exactly", () => {
    expect(findMembership(user, "globex")).toBe(globex);
    expect(findMembership(user, "GLOBEX")).toBeUndefined();
    expect(findMembership(user, undefined)).toBeUndefined();
  });
});

describe("parseTenantPath", () => {
  it("reads the slug and area", () => {
    expect(parseTenantPath("/t/acme/audit-log")).toEqual({ tenantSlug: "acme", area: "audit-log" });
    expect(parseTenantPath("/t/acme")).toEqual({ tenantSlug: "acme", area: undefined });
    expect(parseTenantPath("/sign-in")).toBeUndefined();
  });
});

describe("postSignInPath", () => {
  it("returns to the page the session ended on when it is one of the person's tenants", () => {
    expect(postSignInPath(user, "/t/globex/settings")).toBe("/t/globex/settings");
  });

  it("ignores a page of a tenant the person is not a member of", () => {
    expect(postSignInPath(user, "/t/initech/settings")).toBe("/t/acme/dashboard");
  });

  it("ignores pages outside a tenant", () => {
    expect(postSignInPath(user, "/")).toBe("/t/acme/dashboard");
    expect(postSignInPath(user, undefined)).toBe("/t/acme/dashboard");
  });
});

describe("switchTenantPath", () => {
  it("keeps the area", () => {
    expect(switchTenantPath("/t/acme/audit-log", "globex")).toBe("/t/globex/audit-log");
  });

  it("drops what is below the area, since it belongs to the other tenant", () => {
    expect(switchTenantPath("/t/acme/persons/42", "globex")).toBe("/t/globex/persons");
  });

  it("falls back to the dashboard for an unknown area", () => {
    expect(switchTenantPath("/t/acme/nonsense", "globex")).toBe("/t/globex/dashboard");
    expect(switchTenantPath("/t/acme", "globex")).toBe("/t/globex/dashboard");
  });
});

describe("areaItemPaths", () => {
  const { itemPath, newItemPath } = areaItemPaths("source-systems", "sourceSystemId", { overview: "Overview", mapping: "Mapping" });

  it("gives an item's first section the item's own address", () => {
    expect(itemPath("acme", "s/1")).toBe("/t/acme/source-systems/s%2F1");
    expect(itemPath("acme", "s/1", "overview")).toBe("/t/acme/source-systems/s%2F1");
  });

  it("puts the other sections below the item, and the add form below the list", () => {
    expect(itemPath("acme", "s1", "mapping")).toBe("/t/acme/source-systems/s1/mapping");
    expect(newItemPath("acme")).toBe("/t/acme/source-systems/new");
  });
});
