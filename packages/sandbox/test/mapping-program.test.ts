import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkScript, createMappingProgram, type MappingProgram } from "../src/index.ts";

const TENANT = { tenantId: "tenant-a" };

const employee = {
  EmployeeId: "E1001",
  FirstName: "  Anna ",
  LastName: "de Vries",
  BirthDate: "1985-03-14",
  Contracts: [
    { Id: "C1", Fte: 0.5, Department: { Code: "HR" } },
    { Id: "C2", Fte: 0.8, Department: { Code: "IT" } },
  ],
};

describe("mapping programs", () => {
  let program: MappingProgram;

  beforeAll(async () => {
    program = await createMappingProgram([
      // A single expression (with or without a trailing semicolon) is its own value.
      { field: "ExternalId", script: "source.EmployeeId" },
      { field: "Name.GivenName", script: "source.FirstName.trim();" },
      {
        field: "Name.FamilyName",
        script: [
          "const { LastName: last = '' } = source;",
          "const capitalise = (word) => word.charAt(0).toUpperCase() + word.slice(1);",
          "return last.split(' ').map((word, index, all) => index === all.length - 1 ? capitalise(word) : word).join(' ');",
        ].join("\n"),
      },
      {
        field: "Custom.MainDepartment",
        script: [
          "const [main] = [...(source.Contracts ?? [])].sort((a, b) => b.Fte - a.Fte);",
          "return `${main?.Department?.Code ?? 'none'}-${source.Contracts?.length}`;",
        ].join("\n"),
      },
      { field: "Details.BirthDate", script: "return new Date(source.BirthDate + 'T00:00:00Z');" },
      { field: "Contract.ExternalId", script: "sourceContract?.Id ?? null" },
      { field: "Nothing", script: "return undefined;" },
      { field: "Structure", script: "return { list: [1, 'two', null], nested: { ok: true } };" },
    ], TENANT);
  });
  afterAll(() => program.dispose());

  it("runs modern JavaScript and returns JSON values for every field", async () => {
    const [result] = await program.run([{ source: employee, sourceContract: employee.Contracts[1] }]);
    expect(result).toEqual({
      ExternalId: { ok: true, value: "E1001" },
      "Name.GivenName": { ok: true, value: "Anna" },
      "Name.FamilyName": { ok: true, value: "de Vries" },
      "Custom.MainDepartment": { ok: true, value: "IT-2" },
      "Details.BirthDate": { ok: true, value: "1985-03-14T00:00:00.000Z" },
      "Contract.ExternalId": { ok: true, value: "C2" },
      Nothing: { ok: true, value: null },
      Structure: { ok: true, value: { list: [1, "two", null], nested: { ok: true } } },
    });
  });

  it("gives each input its own result, in input order, with fields in program order", async () => {
    const inputs = Array.from({ length: 500 }, (_, index) => ({ source: { ...employee, EmployeeId: `E${index}` } }));
    const results = await program.run(inputs);
    expect(results.map((result) => result["ExternalId"])).toEqual(
      inputs.map((input) => ({ ok: true, value: input.source.EmployeeId })),
    );
    expect(Object.keys(results[0]!)).toEqual(program.fields);
    expect(results[0]!["Contract.ExternalId"]).toEqual({ ok: true, value: null });
  });

  it("runs only the requested fields, and refuses unknown ones", async () => {
    const [result] = await program.run([{ source: employee }], ["ExternalId"]);
    expect(result).toEqual({ ExternalId: { ok: true, value: "E1001" } });
    await expect(program.run([{ source: employee }], ["Missing"])).rejects.toThrow(
      "Unknown mapping field 'Missing'",
    );
  });

  it("serialises concurrent runs on one program", async () => {
    const runs = await Promise.all(
      ["A", "B", "C"].map((id) => program.run([{ source: { ...employee, EmployeeId: id } }], ["ExternalId"])),
    );
    expect(runs.map(([result]) => result!["ExternalId"])).toEqual([
      { ok: true, value: "A" },
      { ok: true, value: "B" },
      { ok: true, value: "C" },
    ]);
  });
});

describe("script errors", () => {
  it("fails only the input and field whose script throws, with the line in the script", async () => {
    const program = await createMappingProgram([
      { field: "Email", script: "const domain = 'example.com';\n\nreturn source.Mail.toLowerCase();" },
      {
        field: "Checked",
        script: "if (source.Id === 2) {\n  throw new Error(`Person ${source.Id} has no manager`);\n}\nreturn source.Id;",
      },
    ], TENANT);
    const results = await program.run([
      { source: { Id: 1, Mail: "A@X.NL" } },
      { source: { Id: 2 } },
      { source: { Id: 3, Mail: "C@X.NL" } },
    ]);
    program.dispose();

    expect(results[0]).toEqual({ Email: { ok: true, value: "a@x.nl" }, Checked: { ok: true, value: 1 } });
    expect(results[1]).toEqual({
      Email: {
        ok: false,
        kind: "runtime",
        message: "TypeError: Cannot read properties of undefined (reading 'toLowerCase')",
        line: 3,
      },
      Checked: { ok: false, kind: "runtime", message: "Person 2 has no manager", line: 2 },
    });
    expect(results[2]).toEqual({ Email: { ok: true, value: "c@x.nl" }, Checked: { ok: true, value: 3 } });
  });

  it("rejects return values that are not JSON", async () => {
    const program = await createMappingProgram([
      { field: "Function", script: "() => 1" },
      { field: "BigInt", script: "return { size: 10n };" },
      { field: "Promise", script: "return Promise.resolve(1);" },
      { field: "Circular", script: "const a = {}; a.self = a; return a;" },
      { field: "NotANumber", script: "Number('abc')" },
    ], TENANT);
    const [result] = await program.run([{ source: {} }]);
    program.dispose();
    expect(result!["Function"]).toMatchObject({ ok: false, kind: "runtime", message: expect.stringContaining("returned a function") });
    expect(result!["BigInt"]).toMatchObject({ ok: false, message: "The script returned a BigInt in 'size'; convert it with Number() or String()" });
    expect(result!["Promise"]).toMatchObject({ ok: false, message: expect.stringContaining("remove async/await") });
    expect(result!["Circular"]).toMatchObject({ ok: false, message: expect.stringMatching(/^The returned value cannot be converted to JSON: TypeError: Converting circular structure/) });
    expect(result!["NotANumber"]).toEqual({ ok: true, value: null });
  });

  it("reports syntax errors at creation and on every run, without stopping the other fields", async () => {
    const program = await createMappingProgram([
      { field: "Broken", script: "const a = source.A;\nreturn a +;\n" },
      { field: "Unfinished", script: "if (source.A) {\n  return 1;\n" },
      { field: "Escape", script: "return 1;\n}); globalThis.leaked = true; (function () {" },
      { field: "Fine", script: "source.A" },
    ], TENANT);
    expect(program.compileErrors).toEqual({
      Broken: { message: "SyntaxError: Unexpected token ';'", line: 2 },
      Unfinished: { message: expect.stringContaining("ends in the middle of something"), line: 3 },
      Escape: { message: "SyntaxError: Unexpected '}': the script closes a block it never opened" },
    });
    const results = await program.run([{ source: { A: 1 } }, { source: { A: 2 } }]);
    program.dispose();
    for (const result of results) {
      expect(result["Broken"]).toEqual({ ok: false, kind: "syntax", message: "SyntaxError: Unexpected token ';'", line: 2 });
      expect(result["Escape"]).toMatchObject({ ok: false, kind: "syntax" });
    }
    expect(results.map((result) => result["Fine"])).toEqual([
      { ok: true, value: 1 },
      { ok: true, value: 2 },
    ]);
  });
});

describe("checkScript", () => {
  it("tells the editor whether a script compiles, and in which form", async () => {
    expect(await checkScript("source.FirstName.trim()")).toEqual({ ok: true, form: "expression" });
    expect(await checkScript("const name = source.FirstName;\nreturn name?.trim();")).toEqual({ ok: true, form: "body" });
    expect(await checkScript("const a = 1;\nconst b = ;")).toEqual({
      ok: false,
      message: "SyntaxError: Unexpected token ';'",
      line: 2,
    });
    expect(await checkScript("const name = source.FirstName;")).toMatchObject({
      ok: true,
      form: "body",
      warning: expect.stringContaining("never returns a value"),
    });
  });
});
