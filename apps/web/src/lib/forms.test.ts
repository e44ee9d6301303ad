import { passwordSchema, signUpRequestSchema } from "@idlife/contracts";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { emptyToUndefined, validateForm } from "./forms.ts";

describe("validateForm", () => {
  it("returns the parsed data when valid", () => {
    const result = validateForm(z.object({ password: passwordSchema }), { password: "correct horse battery" });
    expect(result).toEqual({ success: true, data: { password: "correct horse battery" } });
  });

  it("keeps the contract's message, one per field", () => {
    const result = validateForm(signUpRequestSchema, {
      email: "not-an-email",
      displayName: "Ada",
      tenantName: "Acme",
      tenantSlug: "Not A Slug",
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.errors.tenantSlug).toBe("Use lower-case letters, digits and dashes.");
    expect(result.errors.email).toBeTypeOf("string");
    expect(result.errors.displayName).toBeUndefined();
    const password = validateForm(z.object({ password: passwordSchema }), { password: "short" });
    expect(password.success || password.errors.password).toBe("Use at least 12 characters.");
  });
});

describe("emptyToUndefined", () => {
  it("turns an empty or blank optional field into an absent one", () => {
    expect(emptyToUndefined("")).toBeUndefined();
    expect(emptyToUndefined("  ")).toBeUndefined();
    expect(emptyToUndefined("acme")).toBe("acme");
  });
});
