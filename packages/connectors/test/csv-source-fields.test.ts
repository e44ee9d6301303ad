import { describe, expect, it } from "vitest";
import { fetchCsvSource, readCsvSourceFields } from "../src/index.ts";
import { HR_CONTRACT_COLUMNS, HR_SINGLE_FILE, file, windows1252 } from "./helpers/dutch-hr-exports.ts";

const single = { layout: "single", persons: { delimiter: "auto", encoding: "windows-1252", personKey: "Personeelsnummer", contractColumns: HR_CONTRACT_COLUMNS } } as const;

describe("source fields of a CSV file (the mapping editor's column list)", () => {
  it("reads only the header, split into person and contract columns of the single layout", async () => {
    const upload = file("hr.csv", windows1252(HR_SINGLE_FILE));
    expect(await readCsvSourceFields(single, "persons", upload)).toEqual(["Personeelsnummer", "Roepnaam", "Voorvoegsel", "Achternaam", "Email"]);
    expect(await readCsvSourceFields(single, "contracts", upload)).toEqual(HR_CONTRACT_COLUMNS);
  });

  it("lists the columns even when the key column is missing (when an administrator needs them most)", async () => {
    const upload = file("hr.csv", windows1252("Nummer;Naam;Coördinator\r\n1;Zoë;ja\r\n"));
    expect(await readCsvSourceFields({ ...single, persons: { ...single.persons, contractColumns: [] } }, "persons", upload)).toEqual(["Nummer", "Naam", "Coördinator"]);
  });

  it("reads a departments file with its own settings, and refuses one that is not configured", async () => {
    const departments = file("afdelingen.csv", "Afdelingscode,Naam,Manager\nBB,Bestuur,1001\n");
    const settings = { ...single, departments: { delimiter: ",", departmentKey: "Afdelingscode" } } as const;
    expect(await readCsvSourceFields(settings, "departments", departments)).toEqual(["Afdelingscode", "Naam", "Manager"]);
    await expect(readCsvSourceFields(single, "departments", departments)).rejects.toThrow(/no departments file configured/);
  });
});

describe("a person filter (mapping preview of a few persons of a large upload)", () => {
  it("keeps only the accepted persons with all their contracts, without warnings about the rest", async () => {
    const result = await fetchCsvSource(single, { files: { persons: file("hr.csv", windows1252(HR_SINGLE_FILE)) }, personFilter: (key) => key === "1001" });
    expect(result.data.persons.map((person) => person.Personeelsnummer)).toEqual(["1001"]);
    expect(result.data.persons[0]?.Contracts?.map((contract) => contract.Contractnummer)).toEqual(["1001-1", "1001-2"]);
    expect(result.warnings).toEqual([]);
  });
});
