import { describe, expect, it } from "vitest";
import { emptyDraft, fromDrafts, toDrafts } from "./field-mapping-drafts.ts";

describe("the field mapping editor's rows", () => {
  it("become the mapping the API takes, each kind with its own part", () => {
    const rows = [
      { ...emptyDraft("sAMAccountName"), kind: "field" as const, text: "Username", unique: true },
      { ...emptyDraft("company"), kind: "fixed" as const, text: "School board" },
      { ...emptyDraft("displayName"), kind: "complex" as const, text: "return person.DisplayName;" },
      { ...emptyDraft("objectGUID"), kind: "none" as const, text: "ignored" },
    ];
    const result = fromDrafts(rows);
    expect(result).toEqual({
      mapping: [
        { attribute: "sAMAccountName", actions: ["create", "update"], kind: "field", field: "Username", unique: { maxFallbacks: 9 }, store: true, notify: false },
        { attribute: "company", actions: ["create", "update"], kind: "fixed", value: "School board", store: true, notify: false },
        { attribute: "displayName", actions: ["create", "update"], kind: "complex", script: "return person.DisplayName;", store: true, notify: false },
        { attribute: "objectGUID", actions: ["create", "update"], kind: "none", store: true, notify: false },
      ],
    });
    if ("mapping" in result) expect(fromDrafts(toDrafts(result.mapping))).toEqual(result);
  });

  it("names the row that is not complete", () => {
    expect(fromDrafts([emptyDraft("mail"), emptyDraft("")])).toEqual({ problem: "Row 1 (mail): choose the person field." });
    expect(fromDrafts([{ ...emptyDraft("mail"), text: "Contact.Business.Email", actions: [] }])).toEqual({ problem: "Row 1 (mail): tick at least one action." });
  });
});
