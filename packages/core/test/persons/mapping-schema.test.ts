import { describe, expect, it } from "vitest";
import {
  FieldMappingSchema,
  MAPPING_FORMAT,
  MappingDefinitionSchema,
  mappingToJson,
  parseMappingJson,
  type MappingDefinition,
} from "../../src/index.ts";

const definition: MappingDefinition = {
  person: {
    ExternalId: { type: "field", path: "Personeelsnummer", required: true },
    "Name.GivenName": { type: "complex", script: "return source.Voornaam.trim();" },
    "Name.Convention": { type: "fixed", value: "B" },
    "Custom.Building": { type: "field", path: '["Locatie.Gebouw"]' },
  },
  contract: {
    ExternalId: { type: "field", path: "Dienstverbandnummer" },
    "Details.Fte": { type: "field", path: "Fte" },
    StartDate: { type: "complex", script: "return sourceContract.Begin;", required: true },
  },
};

function errorsOf(input: unknown): string[] {
  const result = parseMappingJson(JSON.stringify(input));
  return result.ok ? [] : result.errors;
}

describe("field mapping schema", () => {
  it("accepts the three kinds with an optional required flag", () => {
    expect(FieldMappingSchema.safeParse({ type: "fixed", value: null }).success).toBe(true);
    expect(FieldMappingSchema.safeParse({ type: "fixed", value: 1, required: false }).success).toBe(true);
    expect(FieldMappingSchema.safeParse({ type: "field", path: "a.b[0]" }).success).toBe(true);
    expect(FieldMappingSchema.safeParse({ type: "complex", script: "return 1;", required: true }).success).toBe(true);
  });

  it("rejects empty paths and scripts, bad paths and fixed objects", () => {
    expect(FieldMappingSchema.safeParse({ type: "field", path: "" }).success).toBe(false);
    expect(FieldMappingSchema.safeParse({ type: "field", path: "a..b" }).success).toBe(false);
    expect(FieldMappingSchema.safeParse({ type: "complex", script: "   " }).success).toBe(false);
    expect(FieldMappingSchema.safeParse({ type: "fixed", value: { a: 1 } }).success).toBe(false);
    expect(FieldMappingSchema.safeParse({ type: "fixed" }).success).toBe(false);
  });
});

describe("mapping definition schema", () => {
  it("accepts a valid definition and defaults the contract tab to empty", () => {
    expect(MappingDefinitionSchema.parse(definition)).toEqual(definition);
    expect(MappingDefinitionSchema.parse({ person: { ExternalId: { type: "field", path: "id" } } }).contract).toEqual({});
  });

  it("names unknown fields with a suggestion", () => {
    const errors = errorsOf({
      person: {
        ExternalId: { type: "field", path: "id" },
        "Name.Givenname": { type: "field", path: "a" },
        "Details.Fte": { type: "field", path: "a" },
        "Custom.2x": { type: "fixed", value: 1 },
        Foo: { type: "fixed", value: 1 },
      },
      contract: {
        ExternalId: { type: "field", path: "x" },
        Fte: { type: "field", path: "x" },
        "Name.GivenName": { type: "field", path: "x" },
      },
    });
    expect(errors).toEqual([
      'person["Name.Givenname"]: "Name.Givenname" is not a person field; did you mean "Name.GivenName"?',
      'person["Details.Fte"]: "Details.Fte" is not a person field; it belongs on the contract tab',
      'person["Custom.2x"]: "Custom.2x" is not a person field; custom fields are named Custom.<name>: a letter, then letters, digits or _',
      'person.Foo: "Foo" is not a person field',
      'contract.Fte: "Fte" is not a contract field; did you mean "Details.Fte"?',
      'contract["Name.GivenName"]: "Name.GivenName" is not a contract field; it belongs on the person tab',
    ]);
  });

  it("refuses prototype names as custom fields and as person paths", () => {
    const person = JSON.parse('{"ExternalId": {"type": "field", "path": "id"}, "Custom.constructor": {"type": "fixed", "value": 1}, "Custom.prototype": {"type": "fixed", "value": 1}, "__proto__.polluted": {"type": "fixed", "value": 1}}');
    const errors = errorsOf({ person });
    expect(errors).toHaveLength(3);
    for (const name of ["Custom.constructor", "Custom.prototype", "__proto__.polluted"]) {
      expect(errors.join("\n")).toContain(`"${name}" is not a person field`);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("explains malformed field mappings", () => {
    const errors = errorsOf({
      person: {
        ExternalId: { type: "field", path: "id" },
        "Name.FamilyName": { type: "feld", path: "x" },
        Username: { type: "fixed", value: {} },
        "Custom.X": { type: "complex", script: "  ", requird: true },
        "Location.Code": { type: "field", path: "a..b" },
      },
    });
    expect(errors).toEqual([
      'person["Name.FamilyName"].type: type must be "fixed", "field" or "complex"',
      "person.Username.value: value must be text, a number, true, false or null",
      'person["Custom.X"].script: script is empty',
      'person["Custom.X"]: unknown property "requird"; a field mapping of this type has "type", "script" and "required"',
      'person["Location.Code"].path: path "a..b" has an unexpected "." at position 3',
    ]);
  });

  it("requires the ExternalIds to be mapped", () => {
    expect(errorsOf({ person: { "Name.GivenName": { type: "field", path: "a" } }, contract: { StartDate: { type: "field", path: "s" } } })).toEqual([
      "person: ExternalId is not mapped; map it to the source field that identifies a person",
      "contract: ExternalId is not mapped; map it to the source field that identifies a contract",
    ]);
    expect(errorsOf({ person: { ExternalId: { type: "field", path: "id" } }, contract: {} })).toEqual([]);
  });

  it("explains a wrong document shape", () => {
    expect(errorsOf({ person: "x" })).toEqual([
      'person: expected an object of person field mappings, like { "ExternalId": { "type": "field", "path": "Id" } }',
    ]);
    expect(errorsOf({ mapping: {} })).toEqual([
      'person: missing; expected an object of person field mappings, like { "ExternalId": { "type": "field", "path": "Id" } }',
      'unknown property "mapping"; a mapping has "person" and "contract"',
    ]);
  });
});

describe("mapping JSON export and import", () => {
  it("round-trips a mapping through a versioned document", () => {
    const json = mappingToJson(definition);
    expect(JSON.parse(json)).toMatchObject({ format: MAPPING_FORMAT, version: 1 });
    expect(json.endsWith("}\n")).toBe(true);
    expect(json).toContain('\n  "person": {\n');
    expect(parseMappingJson(json)).toEqual({ ok: true, definition });
  });

  it("keeps the field order of the mapping", () => {
    const parsed = parseMappingJson(mappingToJson(definition));
    expect(parsed.ok && Object.keys(parsed.definition.person)).toEqual(Object.keys(definition.person));
  });

  it("accepts a hand-written document without format and version", () => {
    expect(parseMappingJson(JSON.stringify({ person: definition.person }))).toEqual({
      ok: true,
      definition: { person: definition.person, contract: {} },
    });
  });

  it("reports invalid JSON with its position", () => {
    const result = parseMappingJson('{ "person": {');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatch(/^the file is not valid JSON: .*position 13/);
  });

  it("refuses other documents and other versions", () => {
    expect(parseMappingJson("[]")).toEqual({ ok: false, errors: ['expected a JSON object with "person" and "contract" mappings'] });
    expect(parseMappingJson("null")).toMatchObject({ ok: false });
    expect(parseMappingJson('{ "format": "idlife.rules", "person": {} }')).toEqual({
      ok: false,
      errors: ['this file is not a mapping export: its format is "idlife.rules", expected "idlife.mapping"'],
    });
    expect(parseMappingJson('{ "format": "idlife.mapping", "version": 2, "person": {} }')).toEqual({
      ok: false,
      errors: ["mapping version 2 is not supported; this platform reads version 1"],
    });
  });
});
