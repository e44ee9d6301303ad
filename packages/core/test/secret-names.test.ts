import { describe, expect, it } from "vitest";
import { looksSecretName } from "../src/index.ts";

describe("looksSecretName", () => {
  it("knows credentials by their usual names", () => {
    for (const name of ["password", "Passwd", "apiKey", "api_key", "APIKEY", "X-Api-Key", "key", "privateKey", "clientSecret", "accessToken", "Authorization", "Cookie", "bearer", "credentials", "auth", "basicAuth", "private_key", "pwd"]) {
      expect(looksSecretName(name), name).toBe(true);
    }
  });

  it("leaves names that only mention a key or auth in passing", () => {
    for (const name of ["baseUrl", "pageSize", "personKey", "sourceKey", "joinKey", "departmentKey", "keyId", "authUrl", "authType", "url", "Accept", "username"]) {
      expect(looksSecretName(name), name).toBe(false);
    }
  });
});
