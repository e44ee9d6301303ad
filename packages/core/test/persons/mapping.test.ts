import { describe, expect, it } from "vitest";
import {
  applyMapping,
  MappingDefinitionSchema,
  type ComplexContext,
  type EvaluateComplex,
  type MappingDefinitionInput,
} from "../../src/index.ts";

/*
 * A stand-in for the sandbox: scripts are function bodies run with new Function. Only tests do
 * this; production scripts run in isolated-vm. Errors come back as the sandbox reports them.
 */
const calls: { fieldPath: string; context: ComplexContext }[] = [];
const evaluateComplex: EvaluateComplex = async (fieldPath, script, context) => {
  calls.push({ fieldPath, context });
  try {
    const run = new Function("source", "sourceContract", script) as (s: unknown, c: unknown) => unknown;
    return { ok: true, value: run(context.source, context.sourceContract) };
  } catch (error) {
    const { name, message } = error as Error;
    return { ok: false, message: `${name}: ${message}`, line: 3 };
  }
};

const mapping = (input: MappingDefinitionInput) => MappingDefinitionSchema.parse(input);

const hrMapping = mapping({
  person: {
    ExternalId: { type: "field", path: "Personeelsnummer", required: true },
    "Name.GivenName": { type: "field", path: "Roepnaam" },
    "Name.FamilyNamePrefix": { type: "field", path: "Voorvoegsel" },
    "Name.FamilyName": { type: "field", path: "Achternaam" },
    "Name.FamilyNamePartnerPrefix": { type: "field", path: "VoorvoegselPartner" },
    "Name.FamilyNamePartner": { type: "field", path: "AchternaamPartner" },
    "Name.Convention": { type: "field", path: "Naamgebruik" },
    "Details.BirthDate": { type: "field", path: "Geboortedatum" },
    "Contact.Business.Email": { type: "field", path: "Email.Zakelijk", required: true },
    Excluded: { type: "fixed", value: false },
    Aggregation: { type: "complex", script: "return source.Geboortedatum + '|' + source.Achternaam.toLowerCase();" },
    "Custom.Building": { type: "field", path: '["Locatie.Gebouw"]' },
  },
  contract: {
    ExternalId: { type: "field", path: "Nummer" },
    StartDate: { type: "field", path: "Begin", required: true },
    EndDate: { type: "field", path: "Einde" },
    "Details.Fte": { type: "field", path: "Fte" },
    "Title.Name": { type: "complex", script: "return sourceContract.Functie + ' ' + source.Achternaam;" },
    "Department.ExternalId": { type: "field", path: "Afdeling" },
  },
});

const anna = {
  Personeelsnummer: 1001,
  Roepnaam: "Anna",
  Voorvoegsel: "van den",
  Achternaam: "Berg",
  VoorvoegselPartner: "de",
  AchternaamPartner: "Jong",
  Naamgebruik: "bp",
  Geboortedatum: "1980-05-17",
  Email: { Zakelijk: "anna.vandenberg@school.nl " },
  "Locatie.Gebouw": "A",
  Contracts: [
    { Nummer: "C-1", Begin: "2020-08-01", Einde: "", Fte: "0,8", Functie: "Leraar", Afdeling: "D1" },
    { Nummer: "C-2", Begin: "2024-08-01T00:00:00", Einde: "2025-07-31", Fte: 0.2, Functie: "Mentor", Afdeling: "D2" },
  ],
};

describe("applyMapping", () => {
  it("maps a Dutch HR record with two contracts", async () => {
    const result = await applyMapping(hrMapping, anna, { evaluateComplex });
    expect(result).toEqual({
      status: "mapped",
      person: {
        ExternalId: "1001",
        DisplayName: "Anna van den Berg - de Jong",
        Aggregation: "1980-05-17|berg",
        Name: {
          GivenName: "Anna",
          FamilyNamePrefix: "van den",
          FamilyName: "Berg",
          FamilyNamePartnerPrefix: "de",
          FamilyNamePartner: "Jong",
          Convention: "BP",
        },
        Details: { BirthDate: "1980-05-17" },
        Contact: { Business: { Email: "anna.vandenberg@school.nl" } },
        Excluded: false,
        Custom: { Building: "A" },
        Contracts: [
          { ExternalId: "C-1", StartDate: "2020-08-01", EndDate: null, Details: { Fte: 0.8 }, Title: { Name: "Leraar Berg" }, Department: { ExternalId: "D1" } },
          { ExternalId: "C-2", StartDate: "2024-08-01", EndDate: "2025-07-31", Details: { Fte: 0.2 }, Title: { Name: "Mentor Berg" }, Department: { ExternalId: "D2" } },
        ],
      },
    });
  });

  it("hands complex scripts the raw person and, on the contract tab, the raw contract", async () => {
    calls.length = 0;
    await applyMapping(hrMapping, anna, { evaluateComplex });
    expect(calls.map((call) => call.fieldPath)).toEqual(["Aggregation", "Title.Name", "Title.Name"]);
    expect(calls[0]?.context).toEqual({ source: anna });
    expect(calls[2]?.context).toEqual({ source: anna, sourceContract: anna.Contracts[1] });
  });

  it("blocks a person whose complex mapping fails, with the message and line", async () => {
    const definition = mapping({
      person: {
        ExternalId: { type: "field", path: "id" },
        "Name.GivenName": { type: "complex", script: "return x;" },
      },
    });
    expect(await applyMapping(definition, { id: "1" }, { evaluateComplex })).toEqual({
      status: "blocked",
      reasons: ["Name.GivenName: ReferenceError: x is not defined (line 3)"],
    });
  });

  it("leaves out the line when the sandbox does not know it", async () => {
    const definition = mapping({ person: { ExternalId: { type: "complex", script: "loop" } } });
    const timeout: EvaluateComplex = async () => ({ ok: false, message: "the script ran longer than 1000 ms" });
    expect(await applyMapping(definition, {}, { evaluateComplex: timeout })).toEqual({
      status: "blocked",
      reasons: ["ExternalId: the script ran longer than 1000 ms"],
    });
  });

  it("lets a failing sandbox fail the import instead of blocking the person", async () => {
    const definition = mapping({ person: { ExternalId: { type: "complex", script: "return 1;" } } });
    const broken: EvaluateComplex = async () => {
      throw new Error("isolate pool is gone");
    };
    await expect(applyMapping(definition, {}, { evaluateComplex: broken })).rejects.toThrow("isolate pool is gone");
  });

  it("blocks on empty required fields: undefined, null and empty text", async () => {
    for (const email of [undefined, null, "", "   "]) {
      const result = await applyMapping(hrMapping, { ...anna, Email: { Zakelijk: email } }, { evaluateComplex });
      expect(result).toEqual({ status: "blocked", reasons: ["required field Contact.Business.Email is empty"] });
    }
  });

  it("reports every problem of a person at once, contract problems named by contract", async () => {
    const broken = {
      ...anna,
      Personeelsnummer: "",
      Naamgebruik: "X",
      Contracts: [{ Nummer: "C-1", Begin: "", Fte: "veel", Functie: "Leraar" }, { Begin: "01-01-2024", Functie: "Mentor" }],
    };
    expect(await applyMapping(hrMapping, broken, { evaluateComplex })).toEqual({
      status: "blocked",
      reasons: [
        "required field ExternalId is empty",
        'Name.Convention: expected one of B, P, BP, PB, got "X"',
        "required field Contracts[C-1].StartDate is empty",
        'Contracts[C-1].Details.Fte: expected a number, got "veel"',
        "required field Contracts[#2].ExternalId is empty",
        'Contracts[#2].StartDate: expected a date as YYYY-MM-DD, got "01-01-2024"; return the date as a YYYY-MM-DD string, with a complex mapping if needed',
      ],
    });
  });

  it("blocks a person whose contracts share an ExternalId", async () => {
    const twice = { ...anna, Contracts: [anna.Contracts[0], anna.Contracts[0], { ...anna.Contracts[1], Nummer: "C-1" }] };
    expect(await applyMapping(hrMapping, twice, { evaluateComplex })).toEqual({
      status: "blocked",
      reasons: ['contract ExternalId "C-1" occurs 3 times; contract ExternalIds must be unique within a person'],
    });
  });

  it("treats absent Contracts as none and a non-list as a problem", async () => {
    const { Contracts: _contracts, ...withoutContracts } = anna;
    const result = await applyMapping(hrMapping, withoutContracts, { evaluateComplex });
    expect(result.status === "mapped" && result.person.Contracts).toEqual([]);
    const nullContracts = await applyMapping(hrMapping, { ...anna, Contracts: null }, { evaluateComplex });
    expect(nullContracts.status).toBe("mapped");
    expect(await applyMapping(hrMapping, { ...anna, Contracts: { Nummer: "C-1" } }, { evaluateComplex })).toEqual({
      status: "blocked",
      reasons: ["Contracts: the source record's Contracts is not a list"],
    });
  });

  it("maps no contracts when the contract tab is empty", async () => {
    const personOnly = mapping({ person: { ExternalId: { type: "field", path: "Personeelsnummer" } } });
    expect(await applyMapping(personOnly, anna, { evaluateComplex })).toEqual({
      status: "mapped",
      person: { ExternalId: "1001", DisplayName: null, Contracts: [] },
    });
  });

  it("derives DisplayName unless it is mapped, and falls back when the mapped value is empty", async () => {
    const withDisplayName = mapping({
      person: {
        ...hrMapping.person,
        DisplayName: { type: "complex", script: "return source.Weergavenaam;" },
      },
    });
    const explicit = await applyMapping(withDisplayName, { ...anna, Weergavenaam: "Mevr. A. de Jong" }, { evaluateComplex });
    expect(explicit.status === "mapped" && explicit.person.DisplayName).toBe("Mevr. A. de Jong");
    const empty = await applyMapping(withDisplayName, anna, { evaluateComplex });
    expect(empty.status === "mapped" && empty.person.DisplayName).toBe("Anna van den Berg - de Jong");
    const required = mapping({ person: { ExternalId: { type: "fixed", value: "1" }, DisplayName: { type: "field", path: "x", required: true } } });
    expect(await applyMapping(required, {}, { evaluateComplex })).toEqual({
      status: "blocked",
      reasons: ["required field DisplayName is empty"],
    });
  });

  it("keeps empty optional fields as null so the preview shows them as mapped", async () => {
    const definition = mapping({
      person: { ExternalId: { type: "fixed", value: 7 }, Username: { type: "field", path: "missing" }, "Custom.Floor": { type: "fixed", value: 2 } },
    });
    expect(await applyMapping(definition, {}, { evaluateComplex })).toEqual({
      status: "mapped",
      person: { ExternalId: "7", DisplayName: null, Username: null, Custom: { Floor: 2 }, Contracts: [] },
    });
  });

  it("refuses structured values in scalar fields", async () => {
    const definition = mapping({
      person: { ExternalId: { type: "fixed", value: "1" }, "Custom.Tags": { type: "field", path: "tags" }, Excluded: { type: "field", path: "ex" } },
    });
    expect(await applyMapping(definition, { tags: ["a"], ex: "misschien" }, { evaluateComplex })).toEqual({
      status: "blocked",
      reasons: ["Custom.Tags: expected text, a number, true or false, got a list", 'Excluded: expected true or false, got "misschien"'],
    });
  });

  it("maps persons independently, so batches can run in parallel", async () => {
    const persons = Array.from({ length: 50 }, (_, index) => ({
      ...anna,
      Personeelsnummer: String(index),
      Email: { Zakelijk: index % 7 === 0 ? "" : `p${index}@school.nl` },
    }));
    const results = await Promise.all(persons.map((person) => applyMapping(hrMapping, person, { evaluateComplex })));
    expect(results.filter((result) => result.status === "blocked")).toHaveLength(8);
    results.forEach((result, index) => {
      if (result.status === "mapped") expect(result.person.ExternalId).toBe(String(index));
    });
    expect(persons[1]?.Contracts[0]?.Fte).toBe("0,8");
  });
});
