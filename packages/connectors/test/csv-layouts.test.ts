import { describe, expect, it } from "vitest";
import { type ConnectorProgress, fetchCsvSource } from "../src/index.ts";
import {
  HR_CONTRACTS_FILE,
  HR_CONTRACT_COLUMNS,
  HR_DEPARTMENTS_FILE,
  HR_PERSONS_FILE,
  HR_SINGLE_FILE,
  file,
  windows1252,
} from "./helpers/dutch-hr-exports.ts";

const semicolonWindows1252 = { delimiter: ";", encoding: "windows-1252" } as const;

describe("CSV single layout: one row per contract", () => {
  it("groups contract rows into persons and keeps every value as the string delivered", async () => {
    const result = await fetchCsvSource(
      {
        layout: "single",
        persons: { ...semicolonWindows1252, personKey: "Personeelsnummer", contractColumns: HR_CONTRACT_COLUMNS },
      },
      { files: { persons: file("medewerkers.csv", windows1252(HR_SINGLE_FILE)) } },
    );

    expect(result.warnings).toEqual([]);
    expect(result.data.persons.map((person) => person.Personeelsnummer)).toEqual(["1001", "1002", "1003", "1004"]);
    const [anouk, daniel, zoe, noel] = result.data.persons;
    expect(anouk).toEqual({
      Personeelsnummer: "1001",
      Roepnaam: "Anouk",
      Voorvoegsel: "",
      Achternaam: "Jansen",
      Email: "a.jansen@sooz.nl",
      Contracts: [
        { Contractnummer: "1001-1", Functie: "Leerkracht", Afdeling: "BRIN01", Begindatum: "01-08-2019", Einddatum: "", Fte: "0,8" },
        { Contractnummer: "1001-2", Functie: "Intern begeleider", Afdeling: "BRIN02", Begindatum: "01-08-2023", Einddatum: "31-07-2025", Fte: "0,2" },
      ],
    });
    expect(daniel?.Roepnaam).toBe("Daniël");
    expect(daniel?.Voorvoegsel).toBe("van");
    // A row whose contract columns are all empty is a person without a contract.
    expect(zoe?.Roepnaam).toBe("Zoë");
    expect(zoe?.Contracts).toEqual([]);
    expect(noel?.Achternaam).toBe("Müller");
    expect(noel?.Contracts?.map((contract) => contract.Functie)).toEqual(["Conciërge; facilitair", "Invalkracht", "Leerkracht"]);
    expect(result.data.departments).toEqual([]);
  });

  it("keeps the first person values and warns when a later row of the same person disagrees", async () => {
    const text = [
      "Personeelsnummer;Roepnaam;Achternaam;Functie",
      "1001;Anouk;Jansen;Leerkracht",
      "1001;Anouk;Jansen-de Wit;Intern begeleider",
      "1001;Anouk;Jansen;Leerkracht",
    ].join("\n");
    const result = await fetchCsvSource(
      { layout: "single", persons: { delimiter: ";", personKey: "Personeelsnummer", contractColumns: ["Functie"] } },
      { files: { persons: file("medewerkers.csv", text) } },
    );
    expect(result.data.persons).toHaveLength(1);
    expect(result.data.persons[0]?.Achternaam).toBe("Jansen");
    expect(result.data.persons[0]?.Contracts).toHaveLength(3);
    expect(result.warnings).toEqual([
      {
        code: "person_values_differ",
        message:
          "line 3 of medewerkers.csv: person '1001' has other values than on line 2 in Achternaam ('Jansen-de Wit' instead of 'Jansen'); kept the values of line 2",
        file: "medewerkers.csv",
        line: 3,
      },
    ]);
  });

  it("reads one row per person when there are no contract columns, and skips blank lines", async () => {
    const text = "Personeelsnummer,Naam\r\n\r\n1001,Anouk Jansen\r\n,\r\n1002,Daniël van Bergen\r\n\r\n";
    const result = await fetchCsvSource(
      { layout: "single", persons: { delimiter: ",", personKey: "Personeelsnummer" } },
      { files: { persons: file("personen.csv", text) } },
    );
    expect(result.data.persons).toEqual([
      { Personeelsnummer: "1001", Naam: "Anouk Jansen", Contracts: [] },
      { Personeelsnummer: "1002", Naam: "Daniël van Bergen", Contracts: [] },
    ]);
  });

  it("reads a file without a header using the configured column names", async () => {
    const text = "1001|Anouk|Leerkracht\n1001|Anouk|Intern begeleider\n";
    const result = await fetchCsvSource(
      {
        layout: "single",
        persons: {
          delimiter: "|",
          hasHeader: false,
          columns: ["Nummer", "Roepnaam", "Functie"],
          personKey: "Nummer",
          contractColumns: ["Functie"],
        },
      },
      { files: { persons: file("export.txt", text) } },
    );
    expect(result.data.persons).toEqual([
      { Nummer: "1001", Roepnaam: "Anouk", Contracts: [{ Functie: "Leerkracht" }, { Functie: "Intern begeleider" }] },
    ]);
  });

  it("keeps whitespace, quotes and line breaks inside quoted values exactly as delivered", async () => {
    const text = 'id,opmerking,naam\n1," staat ""op"" de lijst ","Jan\nde Vries"\n2,,x\n';
    const result = await fetchCsvSource(
      { layout: "single", persons: { delimiter: ",", personKey: "id" } },
      { files: { persons: file("a.csv", text) } },
    );
    expect(result.data.persons[0]).toEqual({ id: "1", opmerking: ' staat "op" de lijst ', naam: "Jan\nde Vries", Contracts: [] });
    expect(result.data.persons[1]).toEqual({ id: "2", opmerking: "", naam: "x", Contracts: [] });
  });

  it("reports progress per phase while reading", async () => {
    const rows = Array.from({ length: 2_500 }, (_, index) => `${index};Persoon ${index}`);
    const progress: ConnectorProgress[] = [];
    await fetchCsvSource(
      { layout: "single", persons: { personKey: "nr" } },
      { files: { persons: file("groot.csv", ["nr;naam", ...rows].join("\n")) }, onProgress: (update) => progress.push(update) },
    );
    expect(progress).toEqual([
      { phase: "persons", records: 1_000 },
      { phase: "persons", records: 2_000 },
      { phase: "persons", records: 2_500 },
    ]);
  });
});

describe("CSV two-files layout", () => {
  it("joins contracts to persons on the join key and lists contracts without a person", async () => {
    const result = await fetchCsvSource(
      {
        layout: "two-files",
        persons: { ...semicolonWindows1252, personKey: "Personeelsnummer", requiredColumns: ["Email"] },
        contracts: { ...semicolonWindows1252, joinKey: "Medewerker" },
        departments: { ...semicolonWindows1252, departmentKey: "Code" },
      },
      {
        files: {
          persons: file("personen.csv", windows1252(HR_PERSONS_FILE)),
          contracts: file("contracten.csv", windows1252(HR_CONTRACTS_FILE)),
          departments: file("afdelingen.csv", windows1252(HR_DEPARTMENTS_FILE)),
        },
      },
    );

    const [anouk, daniel, zoe] = result.data.persons;
    expect(anouk?.Contracts?.map((contract) => contract.Contractnummer)).toEqual(["1001-1", "1001-2"]);
    expect(anouk?.Contracts?.[0]).toEqual({
      Medewerker: "1001",
      Contractnummer: "1001-1",
      Functie: "Leerkracht",
      Afdeling: "BRIN01",
      Leidinggevende: "1002",
      Begindatum: "01-08-2019",
      Einddatum: "",
    });
    expect(daniel?.Roepnaam).toBe("Daniël");
    expect(daniel?.Contracts).toHaveLength(1);
    expect(zoe?.Contracts).toEqual([]);
    expect(result.warnings).toEqual([
      {
        code: "contract_without_person",
        message:
          "line 4 of contracten.csv: no person with Personeelsnummer '1099' in personen.csv (joined on 'Medewerker'); the contract is left out",
        file: "contracten.csv",
        line: 4,
      },
    ]);
    expect(result.data.departments).toHaveLength(4);
    expect(result.data.departments[3]).toEqual({ Code: "BRIN03", Naam: "SBO De Brückenbouwer", Manager: "", Bovenliggend: "BESTUUR" });
  });

  it("keeps duplicate departments but warns about them", async () => {
    const result = await fetchCsvSource(
      {
        layout: "single",
        persons: { personKey: "nr" },
        departments: { departmentKey: "Code" },
      },
      {
        files: {
          persons: file("p.csv", "nr;naam\n1;a\n"),
          departments: file("afdelingen.csv", "Code;Naam\nA;Eén\nB;Twee\nA;Eén (oud)\n"),
        },
      },
    );
    expect(result.data.departments).toHaveLength(3);
    expect(result.warnings).toEqual([
      {
        code: "duplicate_department",
        message: "line 4 of afdelingen.csv: department 'A' also appears on line 2; both rows are kept",
        file: "afdelingen.csv",
        line: 4,
      },
    ]);
  });

  it("caps the warning list and says how many were left out", async () => {
    const rows = Array.from({ length: 1_005 }, (_, index) => `${9000 + index};x`);
    const result = await fetchCsvSource(
      { layout: "two-files", persons: { personKey: "nr" }, contracts: { joinKey: "nr" } },
      { files: { persons: file("p.csv", "nr;naam\n1;a\n"), contracts: file("c.csv", ["nr;functie", ...rows].join("\n")) } },
    );
    expect(result.warnings).toHaveLength(1_001);
    expect(result.warnings.at(-1)).toEqual({
      code: "more_warnings",
      message: "5 more warnings were not listed (only the first 1000 are kept)",
    });
  });
});
