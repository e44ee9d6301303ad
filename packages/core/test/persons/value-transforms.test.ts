import { describe, expect, it } from "vitest";
import {
  applyMapping,
  applyTransforms,
  dateAmbiguityWarnings,
  FieldMappingSchema,
  MappingDefinitionSchema,
  parseDateValue,
  ValueTransformSchema,
  type MappingDefinitionInput,
  type ValueTransformInput,
} from "../../src/index.ts";

const noScripts = { evaluateComplex: async () => ({ ok: false as const, message: "no scripts in this test" }) };
const transform = (input: ValueTransformInput) => ValueTransformSchema.parse(input);
const run = (input: ValueTransformInput, value: unknown, record: unknown = {}) => applyTransforms([transform(input)], value, [record]);
const mapping = (input: MappingDefinitionInput) => MappingDefinitionSchema.parse(input);

describe("date transform", () => {
  /** Each [value, format, kind] is read as the ISO date or date-time that follows it. */
  const expectRead = (cases: Array<[...Parameters<typeof parseDateValue>, string]>) => {
    for (const [value, format, kind, expected] of cases) expect(parseDateValue(value, format, kind), `${value} as ${format}`).toEqual({ ok: true, value: expected });
  };

  it("reads day-first dates with one or two digits and -, / or . between the parts", () => {
    expectRead([
      ["1-2-2024", "d-m-yyyy", "date", "2024-02-01"],
      ["01/02/2024", "d-m-yyyy", "date", "2024-02-01"],
      ["31.12.2024", "dd-mm-yyyy", "date", "2024-12-31"],
      ["2/1/2024", "m-d-yyyy", "date", "2024-02-01"],
    ]);
  });

  it("reads yyyymmdd and ISO, with or without a time", () => {
    expectRead([
      ["20240131", "yyyymmdd", "date", "2024-01-31"],
      [20240131, "yyyymmdd", "date", "2024-01-31"],
      ["2024-01-31", "yyyy-mm-dd", "date", "2024-01-31"],
      ["2024-01-31T08:05", "yyyy-mm-dd", "date-time", "2024-01-31T08:05:00"],
      ["1-2-2024 8:05:07", "d-m-yyyy", "date-time", "2024-02-01T08:05:07"],
      ["1-2-2024 8:05", "d-m-yyyy", "date", "2024-02-01"],
    ]);
  });

  it("refuses a value that does not match the format or is no real day, naming value and format", () => {
    expect(parseDateValue("31-02-2024", "d-m-yyyy", "date")).toEqual({ ok: false, message: '"31-02-2024" does not match the date format d-m-yyyy (like 31-12-2024, 1-2-2024 or 1/2/2024)' });
    expect(parseDateValue("1-2-2024", "dd-mm-yyyy", "date").ok).toBe(false);
    expect(parseDateValue("2024-01-31", "d-m-yyyy", "date").ok).toBe(false);
    expect(parseDateValue("13-31-2024", "m-d-yyyy", "date").ok).toBe(false);
  });

  it("reads Excel serial numbers, with Excel's non-existent 29 February 1900 refused", () => {
    expect(parseDateValue(1, "excel-serial", "date")).toEqual({ ok: true, value: "1900-01-01" });
    expect(parseDateValue("59", "excel-serial", "date")).toEqual({ ok: true, value: "1900-02-28" });
    expect(parseDateValue(60, "excel-serial", "date")).toMatchObject({ ok: false, message: expect.stringContaining("29-02-1900") });
    expect(parseDateValue(61, "excel-serial", "date")).toEqual({ ok: true, value: "1900-03-01" });
    expect(parseDateValue(45000.5, "excel-serial", "date-time")).toEqual({ ok: true, value: "2023-03-15T12:00:00" });
    expect(parseDateValue("45000,5", "excel-serial", "date")).toEqual({ ok: true, value: "2023-03-15" });
    expect(parseDateValue(0, "excel-serial", "date").ok).toBe(false);
    expect(parseDateValue("15-03-2023", "excel-serial", "date").ok).toBe(false);
  });
});

describe("other transforms", () => {
  it("reads decimal commas, with dots grouping thousands", () => {
    expect(run({ type: "decimal-comma" }, "0,8")).toEqual({ ok: true, value: 0.8 });
    expect(run({ type: "decimal-comma" }, "1.234,5")).toEqual({ ok: true, value: 1234.5 });
    expect(run({ type: "decimal-comma" }, "1")).toEqual({ ok: true, value: 1 });
    expect(run({ type: "decimal-comma" }, "0.8").ok).toBe(false);
  });

  it("trims and changes case", () => {
    expect(run({ type: "trim" }, "  Jan ")).toEqual({ ok: true, value: "Jan" });
    expect(run({ type: "case", to: "upper" }, "nl")).toEqual({ ok: true, value: "NL" });
    expect(run({ type: "case", to: "lower" }, "J.Jansen@Soor.NL")).toEqual({ ok: true, value: "j.jansen@soor.nl" });
    expect(run({ type: "case", to: "title" }, "JAN-PIETER de VRIES")).toEqual({ ok: true, value: "Jan-Pieter De Vries" });
  });

  it("looks codes up, and an unknown code blocks, keeps or takes the default as chosen", () => {
    const entries: [string, string][] = [["M", "Male"], ["V", "Female"], ["__proto__", "Proto"]];
    expect(run({ type: "lookup", entries }, "V")).toEqual({ ok: true, value: "Female" });
    expect(run({ type: "lookup", entries }, "__proto__")).toEqual({ ok: true, value: "Proto" });
    expect(run({ type: "lookup", entries }, "X")).toEqual({ ok: false, message: '"X" is not in the lookup table ("M", "V", "__proto__"); add it to the table or choose a default for unknown values' });
    expect(run({ type: "lookup", entries }, "constructor").ok).toBe(false);
    expect(run({ type: "lookup", entries, unknown: "keep" }, "X")).toEqual({ ok: true, value: "X" });
    expect(run({ type: "lookup", entries, unknown: "default", default: "Unknown" }, "X")).toEqual({ ok: true, value: "Unknown" });
    expect(run({ type: "lookup", entries, ignoreCase: true }, "m")).toEqual({ ok: true, value: "Male" });
  });

  it("joins source fields with a template; an empty placeholder is left empty or blocks", () => {
    const record = { Personeelsnummer: "1001", Dienstverbandnummer: "2" };
    const template = "{Personeelsnummer}-{Dienstverbandnummer}";
    expect(run({ type: "template", template }, undefined, record)).toEqual({ ok: true, value: "1001-2" });
    expect(run({ type: "template", template }, undefined, { Personeelsnummer: "1001" })).toEqual({ ok: true, value: "1001-" });
    expect(run({ type: "template", template, missing: "block" }, undefined, { Personeelsnummer: "1001" })).toEqual({
      ok: false,
      message: 'the template "{Personeelsnummer}-{Dienstverbandnummer}" needs {Dienstverbandnummer}, which is empty in this record',
    });
  });
});

describe("transform validation", () => {
  const message = (input: unknown) => FieldMappingSchema.safeParse(input).error?.issues.map((issue) => issue.message);

  it("accepts transforms on field and fixed rules", () => {
    expect(FieldMappingSchema.safeParse({ type: "field", path: "Geslacht", transforms: [{ type: "lookup", entries: [["M", "Male"]] }] }).success).toBe(true);
    expect(FieldMappingSchema.safeParse({ type: "fixed", value: null, transforms: [{ type: "template", template: "{A}-{B}" }] }).success).toBe(true);
  });

  it("explains what is wrong with a transform", () => {
    expect(message({ type: "field", path: "D", transforms: [{ type: "date", format: "dd/mm/yy" }] })).toEqual(["format must be one of d-m-yyyy, dd-mm-yyyy, m-d-yyyy, mm-dd-yyyy, yyyymmdd, yyyy-mm-dd, excel-serial"]);
    expect(message({ type: "field", path: "D", transforms: [{ type: "upper" }] })).toEqual(['a transform type must be "trim", "case", "date", "decimal-comma", "lookup" or "template"']);
    expect(message({ type: "field", path: "D", transforms: [{ type: "template", template: "{A" }] })).toEqual(["the template has no {placeholder}; name a source field in braces, like {Personeelsnummer}", "the template has an unmatched { or }"]);
    expect(message({ type: "field", path: "D", transforms: [{ type: "lookup", entries: [["M", "a"], ["M", "b"]] }] })).toEqual(['the code "M" occurs twice in the lookup table']);
    expect(message({ type: "field", path: "D", transforms: [{ type: "lookup", entries: [["M", "a"]], unknown: "default" }] })).toEqual(['unknown is "default" but no default value is given']);
    expect(message({ type: "complex", script: "return 1", transforms: [] })?.[0]).toContain('unknown property "transforms"');
  });

  it("bounds table size, template length and the number of transforms", () => {
    const entries = Array.from({ length: 1_001 }, (_, index) => [`C${index}`, "x"]);
    expect(message({ type: "field", path: "D", transforms: [{ type: "lookup", entries }] })).toEqual(["a lookup table holds at most 1000 entries"]);
    expect(message({ type: "field", path: "D", transforms: [{ type: "template", template: `{A}${"x".repeat(500)}` }] })).toEqual(["a template is at most 500 characters"]);
    expect(message({ type: "field", path: "D", transforms: Array.from({ length: 11 }, () => ({ type: "trim" })) })).toEqual(["a field has at most 10 transforms"]);
  });
});

describe("field rules with transforms", () => {
  const definition = mapping({
    person: {
      ExternalId: { type: "field", path: "Personeelsnummer" },
      "Details.BirthDate": { type: "field", path: "Geboortedatum", transforms: [{ type: "date", format: "d-m-yyyy" }] },
      "Details.Gender": { type: "field", path: "Geslacht", transforms: [{ type: "lookup", entries: [["M", "Male"], ["V", "Female"]] }] },
    },
    contract: {
      ExternalId: { type: "field", path: "Dienstverband", transforms: [{ type: "template", template: "{Personeelsnummer}-{Dienstverband}" }] },
      "Details.Fte": { type: "field", path: "Fte", transforms: [{ type: "decimal-comma" }] },
    },
  });

  it("maps the transformed values", async () => {
    const raw = { Personeelsnummer: "1001", Geboortedatum: "3-11-1980", Geslacht: "V", Contracts: [{ Dienstverband: "1", Fte: "0,8" }] };
    const result = await applyMapping(definition, raw, noScripts);
    expect(result).toMatchObject({ status: "mapped", person: { Details: { BirthDate: "1980-11-03", Gender: "Female" }, Contracts: [{ ExternalId: "1001-1", Details: { Fte: 0.8 } }] } });
  });

  it("blocks the person with the field, the value and the expected format", async () => {
    const raw = { Personeelsnummer: "1001", Geboortedatum: "1980-11-03", Geslacht: "X", Contracts: [] };
    expect(await applyMapping(definition, raw, noScripts)).toEqual({
      status: "blocked",
      reasons: [
        'Details.BirthDate: "1980-11-03" does not match the date format d-m-yyyy (like 31-12-2024, 1-2-2024 or 1/2/2024)',
        'Details.Gender: "X" is not in the lookup table ("M", "V"); add it to the table or choose a default for unknown values',
      ],
    });
  });
});

describe("day-first or month-first?", () => {
  const withFormat = mapping({ person: { ExternalId: { type: "field", path: "Id" }, "Details.BirthDate": { type: "field", path: "Geboren", transforms: [{ type: "date", format: "d-m-yyyy" }] } } });
  const withoutFormat = mapping({ person: { ExternalId: { type: "field", path: "Id" }, "Details.BirthDate": { type: "field", path: "Geboren" } } });

  it("warns when every sampled value reads both ways, naming the field and an example", () => {
    const records = [{ Geboren: "01-01-1980" }, { Geboren: "03-04-1980" }, { Geboren: "12-11-1990" }];
    expect(dateAmbiguityWarnings(withFormat, records)).toEqual([
      'person field Details.BirthDate (source field Geboren): every sampled value, like "03-04-1980", reads as a date both day-first and month-first; check that d-m-yyyy is the format the source uses',
    ]);
    expect(dateAmbiguityWarnings(withoutFormat, records)).toEqual([
      'person field Details.BirthDate (source field Geboren): values like "03-04-1980" read as dates both day-first and month-first, and no date format is set; add a date transform with the format the source uses',
    ]);
  });

  it("says nothing when one value settles it or the values are no such dates", () => {
    expect(dateAmbiguityWarnings(withFormat, [{ Geboren: "03-04-1980" }, { Geboren: "25-12-1990" }])).toEqual([]);
    expect(dateAmbiguityWarnings(withoutFormat, [{ Geboren: "1980-04-03" }])).toEqual([]);
    expect(dateAmbiguityWarnings(withFormat, [{ Geboren: "01-01-1980" }])).toEqual([]);
  });
});
