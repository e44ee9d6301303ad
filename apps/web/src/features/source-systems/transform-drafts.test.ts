import { describe, expect, it } from "vitest";
import { draftsToTransforms, newTransformDraft, parseLookupText, transformsToDrafts } from "./transform-drafts.ts";

describe("transform drafts of a mapping row", () => {
  it("reads a lookup table written as code = value lines, and says which line is wrong", () => {
    expect(parseLookupText("M = Male\n\nV = Female\n__proto__ = x")).toEqual({ ok: true, entries: [["M", "Male"], ["V", "Female"], ["__proto__", "x"]] });
    expect(parseLookupText("M = Male\nV Female")).toEqual({ ok: false, message: "Lookup line 2 (“V Female”) has no “=”; write it as code = value" });
    expect(parseLookupText(" \n")).toMatchObject({ ok: false });
  });

  it("turns stored transforms into drafts and back unchanged", () => {
    const stored = [
      { type: "date" as const, format: "d-m-yyyy" as const, output: "date" as const },
      { type: "lookup" as const, entries: [["M", "Male"], ["V", "Female"]] as [string, string][], unknown: "default" as const, default: "Unknown" },
      { type: "template" as const, template: "{Id}-{Nr}", missing: "block" as const },
      { type: "case" as const, to: "title" as const },
      { type: "decimal-comma" as const },
    ];
    expect(draftsToTransforms(transformsToDrafts(stored))).toEqual({ ok: true, transforms: stored });
  });

  it("asks for a template before the row can be saved", () => {
    expect(draftsToTransforms([newTransformDraft("template")])).toEqual({ ok: false, message: "Write the template, like {Personeelsnummer}-{Dienstverbandnummer}" });
  });
});
