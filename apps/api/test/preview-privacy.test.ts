import { runWithContext } from "@idlife/db";
import { describe, expect, it } from "vitest";
import { previewPrivacy } from "../src/modules/source-systems/raw-data-privacy.ts";

// No role holds "configure" without "personal" today; the preview must still hide personal
// contact data the day one does, as the raw-data pages do.
const saved = { person: { ExternalId: { type: "field", path: "Nummer" }, "Contact.Personal.Email": { type: "field", path: "Prive" } }, contract: {} };
const tried = { person: { ExternalId: { type: "field", path: "Nummer" }, "Contact.Personal.Phone.Mobile": { type: "field", path: "Mobiel" } }, contract: {} };
const raw = { Nummer: "1001", Prive: "jan@thuis.example", Mobiel: "06-11223344", Email: "jan@school.example" };
const person = { ExternalId: "1001", Contact: { Business: { Email: "jan@school.example" }, Personal: { Phone: { Mobile: "06-11223344" } } } };
const reasons = ["Contact.Personal.Phone.Mobile: expected text, got 06-11223344", "required field Name.FamilyName is empty"];

const as = <T>(permissions: string[], run: () => T) => runWithContext({ allows: (permission) => permissions.includes(permission) }, run);

describe("mapping preview and personal contact data", () => {
  it("hides what the saved or the tried mapping makes personal from a caller without the personal permission", () => {
    const privacy = as(["read", "configure"], () => previewPrivacy(saved, tried));
    expect(privacy.raw(raw)).toEqual({ Nummer: "1001", Prive: "[hidden]", Mobiel: "[hidden]", Email: "jan@school.example" });
    expect(privacy.person(person)).toEqual({ ExternalId: "1001", Contact: { Business: { Email: "jan@school.example" } } });
    expect(JSON.stringify(privacy.reasons(reasons))).not.toContain("11223344");
  });

  it("shows everything to a caller with the personal permission", () => {
    const privacy = as(["read", "personal", "configure"], () => previewPrivacy(saved, tried));
    expect(privacy.raw(raw)).toEqual(raw);
    expect(privacy.person(person)).toEqual(person);
    expect(privacy.reasons(reasons)).toEqual(reasons);
  });
});
