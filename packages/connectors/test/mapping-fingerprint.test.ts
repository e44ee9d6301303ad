import { describe, expect, it } from "vitest";
import { mappingFingerprint } from "../src/index.ts";

const mapping = (script: string) => ({
  person: { ExternalId: { type: "field", path: "Id" }, "Name.GivenName": { type: "complex", script } },
  contract: { ExternalId: { type: "field", path: "Contract" } },
});

describe("mapping fingerprint (whether a stored mapped value can be reused)", () => {
  it("is the same for the same mapping, whatever its key order, on any day", () => {
    const a = mapping("return source.Voornaam;");
    const reordered = { contract: a.contract, person: { "Name.GivenName": a.person["Name.GivenName"], ExternalId: a.person.ExternalId } };
    expect(mappingFingerprint(a, "2026-11-22")).toBe(mappingFingerprint(reordered, "2026-11-22"));
    expect(mappingFingerprint(a, "2026-11-22")).toBe(mappingFingerprint(a, "2026-11-23"));
  });

  it("changes with any change to the person or contract tab, not with the department tab", () => {
    const base = mappingFingerprint(mapping("return source.Voornaam;"), "2026-11-22");
    expect(mappingFingerprint(mapping("return source.Roepnaam;"), "2026-11-22")).not.toBe(base);
    expect(mappingFingerprint({ ...mapping("return source.Voornaam;"), contract: { ExternalId: { type: "field", path: "Nr" } } }, "2026-11-22")).not.toBe(base);
    expect(mappingFingerprint({ ...mapping("return source.Voornaam;"), department: { ExternalId: { type: "field", path: "Code" } } }, "2026-11-22")).toBe(base);
  });

  it("changes when a field's transforms, their options or their order change, so records are mapped again", () => {
    const withTransforms = (transforms: unknown[]) => ({ ...mapping("return 1;"), person: { ExternalId: { type: "field", path: "Id" }, "Details.BirthDate": { type: "field", path: "Geboren", transforms } } });
    const trim = { type: "trim" };
    const dayFirst = { type: "date", format: "d-m-yyyy" };
    const fingerprints = [[], [dayFirst], [{ type: "date", format: "m-d-yyyy" }], [trim, dayFirst], [dayFirst, trim]].map((transforms) => mappingFingerprint(withTransforms(transforms), "2026-11-22"));
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
  });

  it("lasts one day for scripts that read the clock or use chance", () => {
    for (const script of ["return new Date().getFullYear() - Number(source.Geboortejaar);", "return Date.now() > 0 ? source.Voornaam : '';", "return Math.random() > 2 ? '' : source.Voornaam;"]) {
      expect(mappingFingerprint(mapping(script), "2026-11-22"), script).not.toBe(mappingFingerprint(mapping(script), "2026-11-23"));
    }
  });
});
