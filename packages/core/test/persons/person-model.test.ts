import { describe, expect, it } from "vitest";
import {
  CONTRACT_FIELDS,
  ContractSchema,
  DepartmentSchema,
  describeZodIssues,
  fieldKind,
  formatIssuePath,
  isMappableContractFieldPath,
  isMappablePersonFieldPath,
  isPersonalContactFieldPath,
  MAPPABLE_CONTRACT_FIELD_PATHS,
  MAPPABLE_PERSON_FIELD_PATHS,
  PERSONAL_CONTACT_FIELD_PATHS,
  PersonSchema,
  redactPersonalContact,
} from "../../src/index.ts";

describe("person schema", () => {
  it("accepts a person with only an ExternalId and defaults Contracts to an empty list", () => {
    expect(PersonSchema.parse({ ExternalId: "1001" })).toEqual({ ExternalId: "1001", Contracts: [] });
  });

  it("accepts a complete HelloID-shaped person", () => {
    const person = {
      ExternalId: "1001",
      DisplayName: "Jan de Vries",
      Username: "jdevries",
      Aggregation: "1980-05-17|devries",
      Name: {
        Initials: "J.",
        GivenName: "Johannes",
        NickName: "Jan",
        FamilyName: "Vries",
        FamilyNamePrefix: "de",
        FamilyNamePartner: null,
        FamilyNamePartnerPrefix: null,
        Convention: "B",
      },
      Details: { Gender: "M", BirthDate: "1980-05-17", BirthLocality: "Utrecht", MaritalStatus: null },
      Contact: {
        Business: { Email: "jan.devries@school.nl", Phone: { Mobile: "0612345678", Fixed: null } },
        Personal: { Address: { Street: "Dorpsstraat", HouseNumber: "1a", PostalCode: "1234 AB", Locality: "Zeist", Country: "NL" } },
      },
      Location: { ExternalId: "L1", Code: "ZST", Name: "Zeist" },
      Excluded: false,
      Custom: { Building: "A", Floor: 2, Bhv: true, Note: null },
      Contracts: [
        {
          ExternalId: "C-1",
          StartDate: "2020-08-01",
          EndDate: null,
          Type: { Code: "V", Description: "Vast" },
          Details: { Fte: 0.8, HoursPerWeek: 32, Percentage: 80, Sequence: 1 },
          Title: { ExternalId: "T1", Code: "LKR", Name: "Leraar" },
          Department: { ExternalId: "D1", DisplayName: "Onderbouw" },
          Manager: { ExternalId: "2002" },
          Custom: { Grade: "L10" },
        },
      ],
    };
    expect(PersonSchema.parse(person)).toEqual(person);
  });

  it("requires the ExternalIds and nothing else", () => {
    expect(PersonSchema.safeParse({}).success).toBe(false);
    expect(PersonSchema.safeParse({ ExternalId: "" }).success).toBe(false);
    expect(ContractSchema.safeParse({}).success).toBe(false);
    expect(ContractSchema.safeParse({ ExternalId: "C-1" }).success).toBe(true);
    expect(DepartmentSchema.safeParse({ ExternalId: "D1" }).success).toBe(true);
    expect(DepartmentSchema.safeParse({ DisplayName: "x" }).success).toBe(false);
  });

  it("rejects malformed dates, unknown conventions and nested custom values", () => {
    expect(ContractSchema.safeParse({ ExternalId: "C", StartDate: "01-08-2020" }).success).toBe(false);
    expect(ContractSchema.safeParse({ ExternalId: "C", EndDate: "2023-02-29" }).success).toBe(false);
    expect(PersonSchema.safeParse({ ExternalId: "1", Name: { Convention: "X" } }).success).toBe(false);
    expect(PersonSchema.safeParse({ ExternalId: "1", Custom: { a: { b: 1 } } }).success).toBe(false);
    expect(ContractSchema.safeParse({ ExternalId: "C", Details: { Fte: "0.8" } }).success).toBe(false);
  });
});

describe("mappable field paths", () => {
  it("lists person fields in model order with HelloID names", () => {
    expect(MAPPABLE_PERSON_FIELD_PATHS.slice(0, 5)).toEqual([
      "ExternalId",
      "DisplayName",
      "Username",
      "Aggregation",
      "Name.Initials",
    ]);
    for (const path of [
      "Name.FamilyNamePartnerPrefix",
      "Name.Convention",
      "Details.BirthDate",
      "Contact.Business.Email",
      "Contact.Personal.Phone.Mobile",
      "Contact.Business.Address.PostalCode",
      "Location.Code",
      "Excluded",
    ]) {
      expect(MAPPABLE_PERSON_FIELD_PATHS).toContain(path);
    }
    expect(MAPPABLE_PERSON_FIELD_PATHS).not.toContain("Contracts");
    expect(MAPPABLE_PERSON_FIELD_PATHS).not.toContain("Custom");
    expect(MAPPABLE_PERSON_FIELD_PATHS).toHaveLength(4 + 8 + 6 + 2 * 8 + 3 + 1);
  });

  it("lists contract fields", () => {
    expect(MAPPABLE_CONTRACT_FIELD_PATHS).toEqual(expect.arrayContaining([
      "ExternalId",
      "StartDate",
      "EndDate",
      "Type.Code",
      "Details.Fte",
      "Details.Sequence",
      "CostBearer.Name",
      "Organization.ExternalId",
      "Title.Code",
      "Department.DisplayName",
      "Manager.ExternalId",
    ]));
    expect(MAPPABLE_CONTRACT_FIELD_PATHS).toHaveLength(3 + 2 + 4 + 8 * 3 + 2 + 1);
  });

  it("knows the kind of each field", () => {
    expect(fieldKind("person", "Details.BirthDate")).toBe("date");
    expect(fieldKind("person", "Excluded")).toBe("boolean");
    expect(fieldKind("person", "Name.Convention")).toBe("convention");
    expect(fieldKind("person", "Name.GivenName")).toBe("text");
    expect(fieldKind("contract", "Details.Fte")).toBe("number");
    expect(fieldKind("contract", "EndDate")).toBe("date");
    expect(fieldKind("contract", "Custom.Grade")).toBe("custom");
    expect(fieldKind("contract", "Name.GivenName")).toBeUndefined();
    expect(CONTRACT_FIELDS.find((field) => field.path === "Manager.ExternalId")?.kind).toBe("text");
  });

  it("accepts tenant custom fields by shape", () => {
    expect(isMappablePersonFieldPath("Custom.Building")).toBe(true);
    expect(isMappableContractFieldPath("Custom.grade_2")).toBe(true);
    expect(isMappablePersonFieldPath("Custom.")).toBe(false);
    expect(isMappablePersonFieldPath("Custom.a.b")).toBe(false);
    expect(isMappablePersonFieldPath("Custom.2fa")).toBe(false);
    expect(isMappablePersonFieldPath("Name.Givenname")).toBe(false);
    expect(isMappableContractFieldPath("Name.GivenName")).toBe(false);
  });
});

describe("personal contact data", () => {
  it("covers every Contact.Personal leaf and nothing of Business", () => {
    expect([...PERSONAL_CONTACT_FIELD_PATHS].sort()).toEqual([
      "Contact.Personal.Address.Country",
      "Contact.Personal.Address.HouseNumber",
      "Contact.Personal.Address.Locality",
      "Contact.Personal.Address.PostalCode",
      "Contact.Personal.Address.Street",
      "Contact.Personal.Email",
      "Contact.Personal.Phone.Fixed",
      "Contact.Personal.Phone.Mobile",
    ]);
    expect(isPersonalContactFieldPath("Contact.Personal")).toBe(true);
    expect(isPersonalContactFieldPath("Contact.Personal.Email")).toBe(true);
    expect(isPersonalContactFieldPath("Contact.Business.Email")).toBe(false);
  });

  it("redacts Contact.Personal without touching the input", () => {
    const person = {
      ExternalId: "1",
      Contact: { Business: { Email: "a@school.nl" }, Personal: { Email: "a@home.nl" } },
    };
    expect(redactPersonalContact(person)).toEqual({ ExternalId: "1", Contact: { Business: { Email: "a@school.nl" } } });
    expect(person.Contact.Personal.Email).toBe("a@home.nl");
    const withoutContact = { ExternalId: "2" };
    expect(redactPersonalContact(withoutContact)).toBe(withoutContact);
  });
});

describe("zod issue descriptions", () => {
  it("name the field in the words an administrator reads", () => {
    const result = PersonSchema.safeParse({ ExternalId: "1", Details: { BirthDate: "17-05-1980" }, Custom: { "Room 1": {} } });
    expect(result.success).toBe(false);
    expect(describeZodIssues(result.error!)).toEqual([
      "Details.BirthDate: expected a date as YYYY-MM-DD",
      'Custom["Room 1"]: a custom field holds text, a number, true, false or null',
    ]);
  });

  it("format paths like JavaScript property access", () => {
    expect(formatIssuePath(["person", "Name.GivenName", "type"])).toBe('person["Name.GivenName"].type');
    expect(formatIssuePath(["Contracts", 0, "ExternalId"])).toBe("Contracts[0].ExternalId");
    expect(formatIssuePath([])).toBe("");
  });
});
