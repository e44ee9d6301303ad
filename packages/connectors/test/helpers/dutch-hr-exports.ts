import iconv from "iconv-lite";

/**
 * Exports the way Dutch HR and student systems deliver them: Excel-style semicolons and
 * Windows-1252, quoted values with semicolons inside, CRLF line ends, empty end dates.
 */
export const HR_SINGLE_FILE = [
  "Personeelsnummer;Roepnaam;Voorvoegsel;Achternaam;Email;Contractnummer;Functie;Afdeling;Begindatum;Einddatum;Fte",
  "1001;Anouk;;Jansen;a.jansen@sooz.nl;1001-1;Leerkracht;BRIN01;01-08-2019;;0,8",
  "1001;Anouk;;Jansen;a.jansen@sooz.nl;1001-2;Intern begeleider;BRIN02;01-08-2023;31-07-2025;0,2",
  "1002;Daniël;van;Bergen;d.vanbergen@sooz.nl;1002-1;Directeur;BRIN02;01-01-2015;;1,0",
  "1003;Zoë;de;Groot;z.degroot@sooz.nl;;;;;;",
  '1004;Noël;;Müller;"n.muller@sooz.nl";1004-1;"Conciërge; facilitair";BRIN01;01-03-2021;;0,6',
  "1004;Noël;;Müller;n.muller@sooz.nl;1004-2;Invalkracht;BRIN03;01-09-2024;20-12-2024;0,4",
  "1004;Noël;;Müller;n.muller@sooz.nl;1004-3;Leerkracht;BRIN03;01-01-2025;;0,4",
].join("\r\n") + "\r\n";

export const HR_CONTRACT_COLUMNS = ["Contractnummer", "Functie", "Afdeling", "Begindatum", "Einddatum", "Fte"];

export const HR_PERSONS_FILE = [
  "Personeelsnummer;Roepnaam;Voorvoegsel;Achternaam;Geboortedatum;Email",
  "1001;Anouk;;Jansen;12-03-1985;a.jansen@sooz.nl",
  "1002;Daniël;van;Bergen;30-11-1970;d.vanbergen@sooz.nl",
  "1003;Zoë;de;Groot;05-06-1992;",
].join("\r\n") + "\r\n";

export const HR_CONTRACTS_FILE = [
  "Medewerker;Contractnummer;Functie;Afdeling;Leidinggevende;Begindatum;Einddatum",
  "1001;1001-1;Leerkracht;BRIN01;1002;01-08-2019;",
  "1002;1002-1;Directeur;BRIN02;;01-01-2015;",
  "1099;1099-1;Stagiair;BRIN01;1002;01-02-2025;30-06-2025",
  "1001;1001-2;Intern begeleider;BRIN02;1002;01-08-2023;31-07-2025",
].join("\r\n") + "\r\n";

export const HR_DEPARTMENTS_FILE = [
  "Code;Naam;Manager;Bovenliggend",
  "BESTUUR;Stichting Openbaar Onderwijs Zuid;1002;",
  "BRIN01;OBS De Kraanvogel;1005;BESTUUR",
  "BRIN02;OBS Het Kompas;1002;BESTUUR",
  "BRIN03;SBO De Brückenbouwer;;BESTUUR",
].join("\r\n") + "\r\n";

/** Somtoday-style student export: tab separated, UTF-8 with a byte order mark. */
export const STUDENTS_TSV = [
  "leerlingnummer\troepnaam\tvoorvoegsel\tachternaam\tschool\tklas\tschooljaar",
  "200101\tFleur\t\tde Vries\tBRIN04\t1A\t2025-2026",
  "200102\tSem\tvan der\tLinde\tBRIN04\t2B\t2025-2026",
  "200103\tChloë\t\tBoşnak\tBRIN05\tH3\t2025-2026",
].join("\n") + "\n";

export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export function windows1252(text: string): Buffer {
  return iconv.encode(text, "windows-1252");
}

export function utf8WithBom(text: string): Buffer {
  return Buffer.concat([UTF8_BOM, Buffer.from(text, "utf8")]);
}

export function file(fileName: string, content: Buffer | string): { fileName: string; content: Buffer } {
  return { fileName, content: typeof content === "string" ? Buffer.from(content, "utf8") : content };
}
