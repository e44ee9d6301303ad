import { describe, expect, it } from "vitest";
import { csvUploadRoles, readCsvForm, writeCsvForm } from "./csv-settings-form.ts";

const twoFiles = {
  layout: "two-files",
  persons: { delimiter: ";", encoding: "utf-8", personKey: "Personeelsnummer", quote: '"', requiredColumns: ["Personeelsnummer"] },
  contracts: { delimiter: ";", encoding: "utf-8", joinKey: "Personeelsnummer" },
  departments: { delimiter: ";", encoding: "utf-8", departmentKey: "Afdelingscode" },
};

describe("readCsvForm", () => {
  it("reads what the form shows from stored settings", () => {
    expect(readCsvForm(twoFiles)).toEqual({
      layout: "two-files",
      delimiter: ";",
      encoding: "utf-8",
      personKey: "Personeelsnummer",
      contractColumns: "",
      joinKey: "Personeelsnummer",
      departments: true,
      departmentKey: "Afdelingscode",
    });
  });

  it("has sensible values for empty settings", () => {
    expect(readCsvForm({})).toMatchObject({ layout: "single", delimiter: "auto", encoding: "utf-8", personKey: "", departments: false, departmentKey: "" });
  });
});

describe("writeCsvForm", () => {
  it("keeps settings the form does not show and sets the format on every file", () => {
    const next = writeCsvForm(twoFiles, { ...readCsvForm(twoFiles), delimiter: "\t", encoding: "windows-1252" });
    expect(next.persons).toMatchObject({ delimiter: "\t", encoding: "windows-1252", quote: '"', requiredColumns: ["Personeelsnummer"] });
    expect(next.contracts).toMatchObject({ delimiter: "\t", encoding: "windows-1252", joinKey: "Personeelsnummer" });
    expect(next.departments).toMatchObject({ delimiter: "\t", departmentKey: "Afdelingscode" });
    expect(twoFiles.persons.delimiter).toBe(";");
  });

  it("switches to one file with contract columns, dropping the contracts file", () => {
    const next = writeCsvForm(twoFiles, { ...readCsvForm(twoFiles), layout: "single", personKey: " Id ", contractColumns: "Contract, Start ,Einde,," });
    expect(next.layout).toBe("single");
    expect(next.contracts).toBeUndefined();
    expect(next.persons).toMatchObject({ personKey: "Id", contractColumns: ["Contract", "Start", "Einde"] });
  });
});

describe("the departments file", () => {
  it("is added with its key column and the format of the other files, and removed again", () => {
    const single = { layout: "single", persons: { delimiter: ";", encoding: "windows-1252", personKey: "Id", contractColumns: [] } };
    const added = writeCsvForm(single, { ...readCsvForm(single), departments: true, departmentKey: " Afdelingscode " });
    expect(added.departments).toEqual({ delimiter: ";", encoding: "windows-1252", departmentKey: "Afdelingscode" });
    expect(csvUploadRoles(added)).toEqual(["persons", "departments"]);
    const kept = writeCsvForm(twoFiles, { ...readCsvForm(twoFiles), departmentKey: "Code" });
    expect(kept.departments).toEqual({ delimiter: ";", encoding: "utf-8", departmentKey: "Code" });
    expect(writeCsvForm(twoFiles, { ...readCsvForm(twoFiles), departments: false })).not.toHaveProperty("departments");
  });
});

describe("csvUploadRoles", () => {
  it("lists the files a layout takes", () => {
    expect(csvUploadRoles({ layout: "single", persons: {} })).toEqual(["persons"]);
    expect(csvUploadRoles(twoFiles)).toEqual(["persons", "contracts", "departments"]);
  });
});
