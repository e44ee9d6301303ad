import { describe, expect, it } from "vitest";
import { hideRawValues, personalSourceFields } from "../../src/index.ts";

describe("personalSourceFields", () => {
  it("follows field copies and the fields a script plainly reads into personal contact fields", () => {
    const fields = personalSourceFields({
      person: {
        ExternalId: { type: "field", path: "Id" },
        "Contact.Business.Email": { type: "field", path: "WorkMail" },
        "Contact.Personal.Email": { type: "field", path: "Home.Mail" },
        "Contact.Personal.Phone.Mobile": { type: "complex", script: "return source.Mobile ?? source?.['Mobile 2'] ?? sourceContract.X;" },
        "Contact.Personal.Address.Street": { type: "complex", script: "const key = 'Street'; return source[key];" },
      },
      contract: {},
    });
    expect(fields.paths).toEqual([["Home", "Mail"], ["Mobile"], ["Mobile 2"]]);
    expect(fields.unknown).toEqual(["Contact.Personal.Address.Street"]);
  });

  it("hides those values in a copy of the raw record, leaving the rest", () => {
    const raw = { Id: "1", Home: { Mail: "a@home.example" }, Mobile: "06", WorkMail: "a@work.example" };
    expect(hideRawValues(raw, [["Home", "Mail"], ["Mobile"], ["Absent"]], "[hidden]")).toEqual({ Id: "1", Home: { Mail: "[hidden]" }, Mobile: "[hidden]", WorkMail: "a@work.example" });
    expect(raw.Mobile).toBe("06");
  });
});
