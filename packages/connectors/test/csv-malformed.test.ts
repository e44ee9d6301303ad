import { randomBytes } from "node:crypto";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { fetchCsvSource } from "../src/index.ts";
import { connectorErrorOf } from "./helpers/expect-connector-error.ts";
import { HR_SINGLE_FILE, file, utf8WithBom, windows1252 } from "./helpers/dutch-hr-exports.ts";

const persons = (content: Buffer | string, settings: Record<string, unknown> = {}, fileName = "persons.csv") =>
  fetchCsvSource(
    { layout: "single", persons: { personKey: "Personeelsnummer", ...settings } } as Parameters<typeof fetchCsvSource>[0],
    { files: { persons: file(fileName, content) } },
  );

const header = "Personeelsnummer;Roepnaam;Achternaam;Email";
const lines = (count: number) => Array.from({ length: count }, (_, index) => `${1001 + index};Anouk;Jansen;a${index}@sooz.nl`);

describe("CSV header problems", () => {
  it("names a missing required column and lists the columns that are there", async () => {
    const error = await connectorErrorOf(persons("Personeelsnummer;Roepnaam;Achternaam\n1001;Anouk;Jansen\n", { requiredColumns: ["Email"] }));
    expect(error.code).toBe("missing_column");
    expect(error.message).toBe("column 'Email' is missing in the header of persons.csv (found: Personeelsnummer, Roepnaam, Achternaam)");
    expect(error.location).toEqual({ file: "persons.csv", line: 1 });
  });

  it("suggests the right delimiter when a semicolon file is read with ','", async () => {
    const error = await connectorErrorOf(persons([header, ...lines(2)].join("\n"), { delimiter: ",", requiredColumns: ["Email"] }));
    expect(error.message).toBe(
      "column 'Personeelsnummer' (the personKey setting) is missing in the header of persons.csv " +
        "(found: Personeelsnummer;Roepnaam;Achternaam;Email). The header was read as one column but looks delimited by ';': " +
        "set delimiter to ';' (or 'auto')",
    );
  });

  it("suggests the right delimiter when a tab file is read with ';' and only some columns split", async () => {
    const error = await connectorErrorOf(persons("Personeelsnummer\tRoep;naam\tEmail\n1\tA\tb\n", { delimiter: ";", requiredColumns: ["Email"] }));
    expect(error.message).toBe(
      "column 'Personeelsnummer' (the personKey setting) is missing in the header of persons.csv " +
        "(found: Personeelsnummer\tRoep, naam\tEmail). The header was split on ';' but looks delimited by tab: set delimiter to tab (or 'auto')",
    );
  });

  it("points at a column name that differs only in case or spaces", async () => {
    const error = await connectorErrorOf(persons("Personeelsnummer;email \n1;a@b.nl\n", { requiredColumns: ["Email"] }));
    expect(error.message).toBe(
      "column 'Email' is missing in the header of persons.csv (found: Personeelsnummer, email ). Did you mean 'email '? Column names must match exactly",
    );
  });

  it("refuses to guess when the header line holds two delimiters equally often", async () => {
    const error = await connectorErrorOf(persons("Personeelsnummer;Naam, voluit\n1001;Jansen, Anouk\n1002;Bergen, Daniël van\n"));
    expect(error.code).toBe("delimiter_ambiguous");
    expect(error.message).toBe(
      "could not detect the delimiter of persons.csv: the header line contains ';' once and ',' once and the next lines do not settle it; " +
        "set delimiter to ';' or ','",
    );
  });

  it("refuses duplicate and nameless header columns", async () => {
    const duplicate = await connectorErrorOf(persons("Personeelsnummer;Email;Naam;Email\n1;a;b;c\n"));
    expect(duplicate.message).toBe("column 'Email' appears twice in the header of persons.csv (columns 2 and 4): rename one of them");
    const nameless = await connectorErrorOf(persons("Personeelsnummer;;Naam\n1;a;b\n"));
    expect(nameless.message).toBe("column 2 of the header of persons.csv has no name: name it in the export");
  });

  it("leaves out empty nameless columns made by a delimiter at the end of every line, but not values in them", async () => {
    const result = await persons("Personeelsnummer;Naam;\r\n1001;Anouk;\r\n1002;Daniël;\r\n");
    expect(result.data.persons).toEqual([
      { Personeelsnummer: "1001", Naam: "Anouk", Contracts: [] },
      { Personeelsnummer: "1002", Naam: "Daniël", Contracts: [] },
    ]);
    const error = await connectorErrorOf(persons("Personeelsnummer;Naam;;\n1001;Anouk;;\n1002;Daniël;;x\n"));
    expect(error.message).toBe(
      "line 3 of persons.csv has a value ('x') in column 4, which has no name in the header: name that column in the export",
    );
  });

  it("refuses a source column named like the contracts list the connector adds", async () => {
    const error = await connectorErrorOf(persons("Personeelsnummer;Contracts\n1;2\n"));
    expect(error.message).toBe(
      "column 'Contracts' in the header of persons.csv has the name of the list the connector adds to each person: rename it in the export",
    );
  });

  it("refuses a row without a person key", async () => {
    const error = await connectorErrorOf(persons([header, ...lines(2), ";Zoë;de Groot;z@sooz.nl"].join("\n")));
    expect(error.code).toBe("missing_key");
    expect(error.message).toBe(
      "line 4 of persons.csv has no value in 'Personeelsnummer' (the personKey setting): every row must name its person",
    );
  });
});

describe("CSV structure problems", () => {
  it("reports an unclosed quote at the line where it starts", async () => {
    const text = [header, ...lines(10), '1011;"Anouk;Jansen;a@sooz.nl', ...lines(5)].join("\n");
    const error = await connectorErrorOf(persons(text));
    expect(error.code).toBe("unclosed_quote");
    expect(error.message).toBe(
      "unclosed quote starting at line 12 of persons.csv (column 2 'Roepnaam'): the value opened with \" never ends; " +
        'close it, and double any " inside a quoted value ("")',
    );
    expect(error.location).toEqual({ file: "persons.csv", line: 12, column: 2 });
  });

  it("reports a quoted value followed by more text", async () => {
    const text = [header, ...lines(3), '1004;"Anouk" de Vries;Jansen;a@sooz.nl'].join("\n");
    const error = await connectorErrorOf(persons(text));
    expect(error.code).toBe("invalid_quote");
    expect(error.message).toBe(
      "line 5 of persons.csv (column 2 'Roepnaam'): a quoted value is followed by ' ' instead of ';' or the end of the line; " +
        'double any " inside a quoted value ("")',
    );
  });

  it("reports a quote in the middle of an unquoted value, with the way out", async () => {
    const text = [header, ...lines(1), '1002;Jan "de Man";Jansen;a@sooz.nl'].join("\n");
    const error = await connectorErrorOf(persons(text));
    expect(error.message).toBe(
      "line 3 of persons.csv (column 2 'Roepnaam'): a \" appears in the middle of a value (after 'Jan '); " +
        'quote the whole value and double the " inside it, or set quote to "" if this file never quotes values',
    );
    const withoutQuoting = await persons(text, { quote: "" });
    expect(withoutQuoting.data.persons[1]?.Roepnaam).toBe('Jan "de Man"');
  });

  it("reports the line with too many or too few values", async () => {
    const tooMany = await connectorErrorOf(persons([header, ...lines(5), "1006;Anouk;Jansen;a@sooz.nl;extra", ...lines(2)].join("\n")));
    expect(tooMany.code).toBe("inconsistent_columns");
    expect(tooMany.message).toBe("line 7 of persons.csv has 5 values but the header has 4 columns: a value that contains ';' must be quoted");
    expect(tooMany.location).toEqual({ file: "persons.csv", line: 7 });
    const tooFew = await connectorErrorOf(persons([header, "1001;Anouk;Jansen"].join("\r\n")));
    expect(tooFew.message).toBe(
      "line 2 of persons.csv has 3 values but the header has 4 columns: a value may be missing, or a line break inside a value is not quoted",
    );
  });

  it("counts lines of a quoted value with line breaks when reporting a later line", async () => {
    const text = [header, '1001;"Anouk\nvan\nJansen";Jansen;a@sooz.nl', "1002;Daniël"].join("\n");
    const error = await connectorErrorOf(persons(text));
    expect(error.message).toMatch(/^line 5 of persons\.csv has 2 values/);
  });
});

describe("CSV files that are not CSV", () => {
  it("refuses an empty file", async () => {
    expect((await connectorErrorOf(persons(""))).message).toBe("persons.csv is empty: export the data again or upload the right file");
    expect((await connectorErrorOf(persons(utf8WithBom("")))).code).toBe("empty_file");
    expect((await connectorErrorOf(persons("\n\n\r\n"))).message).toBe(
      "persons.csv has no header line, only empty lines: export the data again",
    );
  });

  it("recognises an Excel workbook", async () => {
    const xlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(1_000)]);
    const error = await connectorErrorOf(persons(xlsx, {}, "medewerkers.xlsx"));
    expect(error.message).toBe(
      'medewerkers.xlsx is an Excel workbook or zip archive, not a CSV file: save it as CSV (in Excel: Save As, "CSV UTF-8") and upload that',
    );
  });

  it("recognises binary data by its NUL bytes", async () => {
    const content = Buffer.concat([Buffer.from("Personeelsnummer;Naam\n1;Anouk\n"), Buffer.from([0x89, 0x00, 0x01])]);
    const error = await connectorErrorOf(persons(content));
    expect(error.code).toBe("binary_content");
    expect(error.message).toBe(
      "persons.csv is not a text file: it contains a NUL byte at byte 31 (binary data, an image or a database file?); export the data as CSV",
    );
  });

  it("recognises UTF-16 text read with the wrong encoding", async () => {
    const error = await connectorErrorOf(persons(iconv.encode("Personeelsnummer;Naam\n1;Anouk\n", "utf-16le")));
    expect(error.message).toBe(
      "persons.csv looks like UTF-16 text (every other byte is 0) but the encoding is set to utf-8: set encoding to utf-16le",
    );
    const withBom = await connectorErrorOf(persons(iconv.encode("Personeelsnummer;Naam\n", "utf-16le", { addBOM: true })));
    expect(withBom.message).toBe(
      "persons.csv starts with a UTF-16LE byte order mark but the encoding is set to utf-8: set encoding to utf-16le",
    );
  });

  it("points at the first byte that is not UTF-8 and suggests Windows-1252", async () => {
    const error = await connectorErrorOf(persons(windows1252(HR_SINGLE_FILE)));
    expect(error.code).toBe("invalid_encoding");
    expect(error.message).toBe(
      "persons.csv is not valid UTF-8: byte 0xEB at line 4, column 10 is not UTF-8. " +
        'Files saved by Excel as "CSV (semicolon delimited)" are usually windows-1252: set encoding to windows-1252',
    );
    expect(error.location).toEqual({ file: "persons.csv", line: 4, column: 10 });
  });

  it("finds a bad byte far into the file at its line", async () => {
    const rows = Array.from({ length: 20_000 }, (_, index) => `${index};Anouk`);
    const content = Buffer.concat([Buffer.from(["Personeelsnummer;Naam", ...rows].join("\n") + "\n"), windows1252("20000;Zoë\n")]);
    const error = await connectorErrorOf(persons(content));
    expect(error.location).toEqual({ file: "persons.csv", line: 20_002, column: 9 });
  });

  it("says when a UTF-8 byte order mark meets another encoding setting", async () => {
    const error = await connectorErrorOf(persons(utf8WithBom("Personeelsnummer;Naam\n1;Zoë\n"), { encoding: "windows-1252" }));
    expect(error.message).toBe(
      "persons.csv starts with a UTF-8 byte order mark but the encoding is set to windows-1252: set encoding to utf-8",
    );
  });

  it("refuses a file over the size limit before reading it", async () => {
    const content = Buffer.alloc(2 * 1024 * 1024, "a");
    const error = await connectorErrorOf(persons(content, { maxBytes: 1024 * 1024 }));
    expect(error.code).toBe("file_too_large");
    expect(error.message).toBe(
      "persons.csv is 2 MB, more than the limit of 1 MB for this file: check that it is the right file, or raise maxBytes",
    );
  });

  it("refuses a 150 MB upload under the default limit of 100 MB", async () => {
    const content = Buffer.allocUnsafe(150 * 1024 * 1024);
    const error = await connectorErrorOf(persons(content));
    expect(error.message).toBe(
      "persons.csv is 150 MB, more than the limit of 100 MB for this file: check that it is the right file, or raise maxBytes",
    );
  });
});

describe("a 50 MB garbage upload", () => {
  const heapGrowthDuring = async <Result>(action: () => Promise<Result>) => {
    const before = process.memoryUsage().heapUsed;
    const started = performance.now();
    const result = await action();
    return { result, milliseconds: performance.now() - started, heapGrowth: process.memoryUsage().heapUsed - before };
  };

  it("fails fast on random bytes, reading only the first slice", async () => {
    const garbage = randomBytes(50 * 1024 * 1024);
    const { result, milliseconds, heapGrowth } = await heapGrowthDuring(() => connectorErrorOf(persons(garbage, {}, "upload.csv")));
    expect(result.code).toBe("binary_content");
    expect(result.message).toMatch(/^upload\.csv is not a text file: it contains a NUL byte at byte [\d,]+ \(binary data/);
    expect(milliseconds).toBeLessThan(1_000);
    // Decoding 50 MB into a string would grow the heap by 50 to 100 MB.
    expect(heapGrowth).toBeLessThan(20 * 1024 * 1024);
  });

  it("fails fast on 50 MB of text without line breaks", async () => {
    const alphabet = Buffer.from("abcdefghijklmnopqrstuvwxyz;,ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ");
    const garbage = Buffer.alloc(50 * 1024 * 1024, alphabet);
    const { result, milliseconds, heapGrowth } = await heapGrowthDuring(() =>
      connectorErrorOf(persons(garbage, { delimiter: ";" }, "upload.csv")),
    );
    expect(result.code).toBe("record_too_long");
    expect(result.message).toBe(
      "the row starting at line 1 of upload.csv is longer than 1,000,000 characters: the file is not a CSV file, a quote is never closed, " +
        "or the line breaks are not recognised",
    );
    expect(milliseconds).toBeLessThan(2_000);
    expect(heapGrowth).toBeLessThan(20 * 1024 * 1024);
  });

  it("fails fast on 50 MB of control characters", async () => {
    const garbage = Buffer.alloc(50 * 1024 * 1024, 0x07);
    const result = await connectorErrorOf(persons(garbage, {}, "upload.csv"));
    expect(result.message).toBe(
      "upload.csv is not a text file: its first 65,536 characters contain 65,536 control characters; export the data as CSV",
    );
  });
});

describe("CSV settings and inputs", () => {
  it("explains invalid settings", async () => {
    const error = await connectorErrorOf(
      fetchCsvSource({ layout: "single", persons: { personKey: "nr", hasHeader: false, delimiter: ":" } } as never, {}),
    );
    expect(error.code).toBe("invalid_settings");
    expect(error.message).toBe(
      'the CSV settings are invalid: persons.delimiter: must be ",", ";", "\\t" (tab), "|" or "auto"',
    );
    const withoutColumns = await connectorErrorOf(fetchCsvSource({ layout: "single", persons: { personKey: "nr", hasHeader: false } }, {}));
    expect(withoutColumns.message).toBe(
      "the CSV settings are invalid: persons.columns: a file without a header needs its column names in columns",
    );
  });

  it("asks for a file that was neither uploaded nor given a URL", async () => {
    const error = await connectorErrorOf(fetchCsvSource({ layout: "two-files", persons: { personKey: "nr" }, contracts: { joinKey: "nr" } }, {
      files: { persons: file("p.csv", "nr\n1\n") },
    }));
    expect(error.message).toBe("no contracts file was uploaded and no URL is configured for it: upload the file or set its url");
  });

  it("refuses a contracts file for the single layout instead of ignoring it", async () => {
    const error = await connectorErrorOf(
      fetchCsvSource({ layout: "single", persons: { personKey: "nr" } }, {
        files: { persons: file("p.csv", "nr\n1\n"), contracts: file("c.csv", "nr\n1\n") },
      }),
    );
    expect(error.message).toMatch(/^a contracts file was given, but the layout is 'single'/);
  });

  it("stops when cancelled", async () => {
    const controller = new AbortController();
    controller.abort();
    const rows = Array.from({ length: 50_000 }, (_, index) => `${index};Anouk`);
    const error = await connectorErrorOf(
      fetchCsvSource({ layout: "single", persons: { personKey: "nr" } }, {
        files: { persons: file("p.csv", ["nr;naam", ...rows].join("\n")) },
        signal: controller.signal,
      }),
    );
    expect(error.code).toBe("aborted");
  });
});
