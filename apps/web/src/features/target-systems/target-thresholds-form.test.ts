import { describe, expect, it } from "vitest";
import { validateForm } from "../../lib/forms.ts";
import { effectiveThresholds, limitBounds, readThresholdForm, thresholdActionLabel, thresholdActions, thresholdFormSchema } from "./target-thresholds-form.ts";

/** The form's data with every field empty but the ones given. */
function formData(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

describe("target threshold form", () => {
  it("offers the contract's actions and maxima", () => {
    expect(thresholdActions).toContain("revoke:account");
    expect(thresholdActionLabel("revoke:account")).toBe("Revoke accounts");
    expect(limitBounds).toEqual({ count: { min: 0, max: 1_000_000 }, percent: { min: 0, max: 100 }, windowHours: { min: 1, max: 720 } });
  });

  it("shows the platform's defaults under the system's own limits", () => {
    const current = effectiveThresholds({ limits: { "revoke:account": { count: 5 } } });
    expect(current.windowHours).toBe(24);
    expect(current.limits["revoke:account"]).toEqual({ count: 5 });
    expect(current.limits["revoke:access"]).toEqual({ count: 50, percent: 10 });
    expect(current.limits["grant:account"]).toEqual({});
  });

  it("writes every action, an empty one as no limit", () => {
    const result = validateForm(thresholdFormSchema, readThresholdForm(formData({ windowHours: "48", "revoke:account.count": "5", "revoke:account.percent": "10,5" })));
    expect(result.success && result.data.windowHours).toBe(48);
    expect(result.success && result.data.limits).toEqual(Object.fromEntries(thresholdActions.map((action) => [action, action === "revoke:account" ? { count: 5, percent: 10.5 } : {}])));
  });

  it("puts the contract's message on the field that is out of range", () => {
    const result = validateForm(thresholdFormSchema, readThresholdForm(formData({ "revoke:account.percent": "150", "update:account.count": "1.5" })));
    expect(result.success).toBe(false);
    expect(!result.success && Object.keys(result.errors).sort()).toEqual(["revoke:account.percent", "update:account.count"]);
  });
});
