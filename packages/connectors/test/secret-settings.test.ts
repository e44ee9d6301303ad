import { describe, expect, it } from "vitest";
import { credentialRiskOfChange, describeConnector, moveSecretLookingValues, scriptSettingsSchema } from "../src/index.ts";

describe("credentialRiskOfChange", () => {
  const api = { url: "https://hr.example/api/persons", auth: { type: "basic", username: "svc" } };

  it("sees a new scheme, host or port, a new endpoint elsewhere, a new allowed host and another auth type", () => {
    for (const url of ["http://hr.example/api/persons", "https://evil.example/api/persons", "https://hr.example:8443/api/persons"]) {
      expect(credentialRiskOfChange(api, { ...api, url }), url).toBeDefined();
    }
    expect(credentialRiskOfChange(api, { ...api, departments: { url: "https://other.example/departments" } })).toMatch(/other\.example/);
    expect(credentialRiskOfChange(api, { ...api, auth: { type: "bearer" } })).toMatch(/auth\.type changed from 'basic' to 'bearer'/);
    expect(credentialRiskOfChange({ allowedHosts: ["hr.example"] }, { allowedHosts: ["hr.example", "*"] })).toMatch(/\*/);
  });

  it("lets the same places through: another path, the default port spelled out, fewer hosts", () => {
    expect(credentialRiskOfChange(api, { ...api, url: "https://hr.example/v2/persons?page=1" })).toBeUndefined();
    expect(credentialRiskOfChange(api, { ...api, url: "https://hr.example:443/api/persons" })).toBeUndefined();
    expect(credentialRiskOfChange({ allowedHosts: ["a.example", "b.example"] }, { allowedHosts: ["b.example"] })).toBeUndefined();
  });
});

describe("moveSecretLookingValues", () => {
  it("moves a script's secret-looking config values under their own names and leaves the rest", () => {
    const settings = scriptSettingsSchema.parse({ script: "x", config: { baseUrl: "https://hr.example", apiKey: "k", clientSecret: "s", pageSize: 50, usePrivateNetwork: false } });
    const moved = moveSecretLookingValues(describeConnector("script"), settings);
    expect(moved.secrets).toEqual({ apiKey: "k", clientSecret: "s" });
    expect(moved.settings.config).toEqual({ baseUrl: "https://hr.example", pageSize: 50, usePrivateNetwork: false });
    expect(moved.problems).toEqual([]);
  });

  it("refuses what it cannot move: an object under a secret name, a nested secret", () => {
    const moved = moveSecretLookingValues(describeConnector("script"), { config: { credentials: { user: "u" }, endpoints: [{ token: "t" }] } });
    expect(moved.problems).toEqual([
      "config.credentials looks like a secret but is not text; give each secret value on its own in secrets",
      "config.endpoints[0].token looks like a secret; give it in secrets (a top-level name) instead",
    ]);
  });

  it("moves secret headers of HTTP JSON sources by their path", () => {
    const moved = moveSecretLookingValues(describeConnector("http-json"), { headers: { Accept: "application/json", Authorization: "Bearer x", Cookie: "a=b" } });
    expect(moved.secrets).toEqual({ "headers.Authorization": "Bearer x", "headers.Cookie": "a=b" });
    expect(moved.settings).toEqual({ headers: { Accept: "application/json" } });
  });
});
