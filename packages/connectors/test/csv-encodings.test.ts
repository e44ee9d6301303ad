import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { fetchCsvSource } from "../src/index.ts";
import { HR_SINGLE_FILE, HR_CONTRACT_COLUMNS, STUDENTS_TSV, file, utf8WithBom, windows1252 } from "./helpers/dutch-hr-exports.ts";

const students = { layout: "single", persons: { personKey: "leerlingnummer" } } as const;

describe("CSV encodings and delimiters", () => {
  it("reads a UTF-8 TSV with a byte order mark; the mark is not part of the first column name", async () => {
    const result = await fetchCsvSource(
      { layout: "single", persons: { delimiter: "\t", encoding: "utf-8", personKey: "leerlingnummer", requiredColumns: ["klas"] } },
      { files: { persons: file("leerlingen.tsv", utf8WithBom(STUDENTS_TSV)) } },
    );
    expect(Object.keys(result.data.persons[0] ?? {})[0]).toBe("leerlingnummer");
    expect(result.data.persons.map((student) => `${student.roepnaam} ${student.voorvoegsel} ${student.achternaam}`)).toEqual([
      "Fleur  de Vries",
      "Sem van der Linde",
      "Chloë  Boşnak",
    ]);
  });

  it("detects tab, semicolon, comma and pipe from the header line", async () => {
    for (const delimiter of ["\t", ";", ",", "|"]) {
      const text = STUDENTS_TSV.replaceAll("\t", delimiter);
      const result = await fetchCsvSource(students, { files: { persons: file("leerlingen.txt", text) } });
      expect(result.data.persons[2]?.roepnaam).toBe("Chloë");
      expect(result.data.persons[1]?.voorvoegsel).toBe("van der");
    }
  });

  it("settles a header that contains two candidates by the lines after it", async () => {
    const text = "nr;Functie, rol;Email\n1;Leerkracht;a@x.nl\n2;Directeur;b@x.nl\n";
    const result = await fetchCsvSource({ layout: "single", persons: { personKey: "nr" } }, { files: { persons: file("p.csv", text) } });
    expect(result.data.persons[0]).toMatchObject({ nr: "1", "Functie, rol": "Leerkracht" });
  });

  it("reads Windows-1252 (Excel 'CSV (semicolon)') including characters outside Latin-1 such as €", async () => {
    const text = "nr;Roepnaam;Toelage\n1;Daniël;€ 25\n2;François;€ 0\n";
    const result = await fetchCsvSource(
      { layout: "single", persons: { encoding: "windows-1252", personKey: "nr" } },
      { files: { persons: file("p.csv", windows1252(text)) } },
    );
    expect(result.data.persons.map((person) => [person.Roepnaam, person.Toelage])).toEqual([
      ["Daniël", "€ 25"],
      ["François", "€ 0"],
    ]);
  });

  it("reads ISO-8859-1 and UTF-16LE with a byte order mark", async () => {
    const text = "nr;Roepnaam\n1;Zoë\n2;Noël\n";
    const latin1 = await fetchCsvSource(
      { layout: "single", persons: { encoding: "iso-8859-1", personKey: "nr" } },
      { files: { persons: file("p.csv", iconv.encode(text, "iso-8859-1")) } },
    );
    const utf16 = await fetchCsvSource(
      { layout: "single", persons: { encoding: "utf-16le", personKey: "nr" } },
      { files: { persons: file("p.csv", iconv.encode(text, "utf-16le", { addBOM: true })) } },
    );
    expect(latin1.data.persons.map((person) => person.Roepnaam)).toEqual(["Zoë", "Noël"]);
    expect(utf16.data).toEqual(latin1.data);
  });

  it("decodes characters split across the 64 KB slices the file is read in", async () => {
    // "ë" is two bytes in UTF-8 and CRLF two characters; the padding puts them across slice boundaries.
    const rows = Array.from({ length: 30_000 }, (_, index) => `${index};Daniël${"x".repeat(index % 3)}`);
    const result = await fetchCsvSource(
      { layout: "single", persons: { personKey: "nr" } },
      { files: { persons: file("p.csv", ["nr;naam", ...rows].join("\r\n")) } },
    );
    expect(result.data.persons).toHaveLength(30_000);
    expect(result.data.persons.every((person) => String(person.naam).startsWith("Daniël"))).toBe(true);
  });

  it("reads the Windows-1252 HR export the same as its UTF-8 version", async () => {
    const settings = (encoding: "utf-8" | "windows-1252") =>
      ({ layout: "single", persons: { encoding, personKey: "Personeelsnummer", contractColumns: HR_CONTRACT_COLUMNS } }) as const;
    const fromWindows = await fetchCsvSource(settings("windows-1252"), { files: { persons: file("a.csv", windows1252(HR_SINGLE_FILE)) } });
    const fromUtf8 = await fetchCsvSource(settings("utf-8"), { files: { persons: file("a.csv", utf8WithBom(HR_SINGLE_FILE)) } });
    expect(fromWindows).toEqual(fromUtf8);
  });
});
