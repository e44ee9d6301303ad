import { describe, expect, it } from "vitest";
import { redactSecrets } from "../src/index.ts";

describe("audit redaction", () => {
  it("hides values by secret-looking names at any depth, a secrets map's values, and declared paths", () => {
    const redacted = redactSecrets(
      {
        settings: {
          url: "https://hr.example",
          auth: { type: "api-key", header: "X-Key", value: "declared-value" },
          headers: { Authorization: "Bearer abc", Cookie: "session=1", "X-Api-Key": "k1" },
          config: { apiKey: "k2", api_key: "k3", clientSecret: "k4", accessToken: "k5", privateKey: "k6", credentials: { user: "u", pass: "k7" }, key: "k8", baseUrl: "https://x" },
          persons: { personKey: "EmployeeId" },
        },
        secrets: { token: "k9" },
        secretsSet: ["token"],
        list: [{ password: "k10" }],
      },
      ["settings.auth.value"],
    );
    const text = JSON.stringify(redacted);
    for (let index = 1; index <= 10; index++) expect(text).not.toContain(`"k${index}"`);
    expect(text).not.toMatch(/declared-value|Bearer abc|session=1/);
    expect(redacted).toMatchObject({
      settings: { url: "https://hr.example", auth: { type: "api-key", header: "X-Key", value: "[redacted]" }, persons: { personKey: "EmployeeId" }, config: { baseUrl: "https://x" } },
      secrets: { token: "[redacted]" },
      secretsSet: ["token"],
    });
  });
});
