import { describe, expect, it } from "vitest";
import { buildHeaders } from "./api-client.ts";

describe("buildHeaders", () => {
  it("sends the CSRF header and JSON content type on changes", () => {
    const headers = buildHeaders("POST", { hasBody: true });
    expect(headers.get("X-Requested-With")).toBe("idlife");
    expect(headers.get("Content-Type")).toBe("application/json");
  });

  it("sends the CSRF header on a DELETE without a body, but no content type", () => {
    const headers = buildHeaders("DELETE", { hasBody: false });
    expect(headers.get("X-Requested-With")).toBe("idlife");
    expect(headers.has("Content-Type")).toBe(false);
  });

  it("adds the tenant header only when a tenant is given", () => {
    expect(buildHeaders("GET", { hasBody: false, tenantId: "t-1" }).get("X-Tenant-Id")).toBe("t-1");
    expect(buildHeaders("GET", { hasBody: false }).has("X-Tenant-Id")).toBe(false);
    expect(buildHeaders("GET", { hasBody: false }).has("X-Requested-With")).toBe(false);
  });
});
