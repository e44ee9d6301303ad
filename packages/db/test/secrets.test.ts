import { describe, expect, it } from "vitest";
import { decryptSecrets, encryptSecrets, resolveSecretsKey } from "../src/secrets.ts";

describe("connector secrets at rest", () => {
  const key = resolveSecretsKey({ SECRETS_KEY: Buffer.alloc(32, 7).toString("base64") });

  it("round-trips and never stores the plain text", () => {
    const sealed = encryptSecrets({ password: "Welkom01!", token: "abc" }, key);
    expect(Buffer.from(sealed).toString("utf8")).not.toContain("Welkom01!");
    expect(decryptSecrets(sealed, key)).toEqual({ password: "Welkom01!", token: "abc" });
  });

  it("refuses a tampered ciphertext or the wrong key", () => {
    const sealed = encryptSecrets({ password: "x" }, key);
    const tampered = new Uint8Array(sealed);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => decryptSecrets(tampered, key)).toThrow();
    expect(() => decryptSecrets(sealed, resolveSecretsKey({ SECRETS_KEY: Buffer.alloc(32, 8).toString("base64") }))).toThrow();
  });

  it("requires a real key in production and checks its length", () => {
    expect(() => resolveSecretsKey({ NODE_ENV: "production" })).toThrow(/SECRETS_KEY is required/);
    expect(() => resolveSecretsKey({ SECRETS_KEY: "c2hvcnQ=" })).toThrow(/32 bytes/);
  });
});
