/**
 * Deterministic generator of school-board organisations for benchmarks, in the same file formats
 * as the hand-made examples (examples/hr/*.csv, examples/students/students.csv):
 *   departments.csv, employees.csv, contracts.csv   Visma Raet style, ";" + UTF-8 BOM + CRLF
 *   students.csv                                    ParnasSys/Somtoday style, ";" + UTF-8 + LF
 * Same seed + same options = byte-identical files. Node built-ins only; files are streamed.
 *
 *   pnpm exec tsx examples/generate/generate-organisation.ts --out /tmp/org            (reference customer)
 *   pnpm exec tsx examples/generate/generate-organisation.ts --out /tmp/org --persons 100000
 *   pnpm exec tsx examples/generate/generate-organisation.ts --out /tmp/org --staff 100000 --students-per-school 0
 *   pnpm exec tsx examples/generate/generate-organisation.ts --apply-changes /tmp/org --percent 1
 *
 * Guarantees that keep a benchmark about importing (not about data problems):
 * - every Personeelsnummer, Leerlingnummer and Contractnummer is unique; managers, departments and
 *   parents referenced by a contract or department exist;
 * - no two persons (staff and students together) share birth date + family name, so the example
 *   Aggregation mapping never merges two generated persons automatically. Near matches (same
 *   family name, birth dates a day apart) do occur at this scale, as they do in real data.
 */
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir, readFile, rename } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const DEFAULT_REFERENCE_DATE = "2026-11-22";

export interface OrganisationOptions {
  /** Directory to write the four CSV files into (created when missing). */
  outDir: string;
  /** Employees in the HR export (board office, directors, teachers, support staff). */
  staff: number;
  /** Schools (departments under the regions); about one in ten is a secondary school. */
  schools: number;
  /** Students per school; ignored when `students` is given. */
  studentsPerSchool?: number;
  /** Students in total, spread over the schools. */
  students?: number;
  seed?: number;
  /** Contract and enrolment dates are placed around this day (YYYY-MM-DD). */
  referenceDate?: string;
}

export interface OrganisationSummary {
  outDir: string;
  seed: number;
  referenceDate: string;
  staff: number;
  students: number;
  persons: number;
  contracts: number;
  departments: number;
  schools: number;
  regions: number;
  /** Staff by status on the reference date. */
  staffStatus: { active: number; future: number; former: number };
  files: { employees: string; contracts: string; departments: string; students: string };
  milliseconds: number;
}

/** The reference customer of PRODUCT.md: 36 schools, 2,100 staff, 16,020 students. */
export const REFERENCE_CUSTOMER = { staff: 2100, schools: 36, studentsPerSchool: 445 } as const;

/**
 * The reference customer's shape scaled to `persons` persons in total (staff + students), e.g.
 * 100,000 -> 11,589 staff, 88,411 students, 199 schools (17 regions).
 */
export function shapeForPersons(persons: number): { staff: number; schools: number; students: number } {
  if (!Number.isInteger(persons) || persons < 10) throw new RangeError("persons must be a whole number >= 10");
  const ratio = REFERENCE_CUSTOMER.staff / (REFERENCE_CUSTOMER.staff + REFERENCE_CUSTOMER.schools * REFERENCE_CUSTOMER.studentsPerSchool);
  const staff = Math.max(5, Math.round(persons * ratio));
  const schools = Math.max(1, Math.round(persons / 503));
  return { staff, schools, students: persons - staff };
}

/* ------------------------------------------------------------------ randomness and dates */

/** mulberry32: small, fast, good enough for test data, identical on every platform. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = createRandom(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

const DAY = 86_400_000;
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const fromDay = (day: string) => Date.parse(`${day}T00:00:00Z`);
const addDays = (day: string, days: number) => toDay(fromDay(day) + days * DAY);

/** The school year that contains `day` starts in this calendar year (it turns on 1 August). */
function schoolYearOf(day: string): number {
  const year = Number(day.slice(0, 4));
  return day.slice(5) >= "08-01" ? year : year - 1;
}

/** The fourth Monday of August, the first school day in these examples. */
function schoolYearStart(year: number): string {
  const first = new Date(Date.UTC(year, 7, 1)).getUTCDay();
  const firstMonday = 1 + ((8 - first) % 7);
  return `${year}-08-${String(firstMonday + 21).padStart(2, "0")}`;
}

/* ------------------------------------------------------------------ names */

const MALE = [
  "Jan", "Piet", "Kees", "Henk", "Gerrit", "Wim", "Hans", "Rob", "Frank", "Erik", "Marco", "Peter", "Jeroen", "Martijn",
  "Bas", "Ruud", "Mark", "Dennis", "Sander", "Bart", "Joost", "Tim", "Thomas", "Daan", "Bram", "Niels", "Stefan", "Rick",
  "Kevin", "Jasper", "Wouter", "Michiel", "Arjen", "Remco", "Edwin", "Patrick", "Vincent", "Maarten", "Jelle", "Sjoerd",
  "Mohamed", "Ahmed", "Mustafa", "Hüseyin", "Ricardo", "Youssef", "Koen", "Lars", "Ruben", "Sem", "Luuk", "Jesse",
  "Milan", "Stijn", "Gijs", "Tijmen", "Joris", "Floris", "Teun", "Wessel",
];
const FEMALE = [
  "Anna", "Maria", "Ingrid", "Monique", "Saskia", "Petra", "Marloes", "Ellen", "Karin", "Linda", "Sandra", "Esther",
  "Marieke", "Anouk", "Femke", "Ilse", "Sanne", "Lotte", "Noor", "Sophie", "Emma", "Lisa", "Iris", "Fleur", "Roos",
  "Eva", "Julia", "Sara", "Lieke", "Anne", "Marjolein", "Wendy", "Kim", "Manon", "Annemiek", "Joyce", "Renée", "Zoë",
  "Fatima", "Yasmina", "Priya", "Daniëlle", "Hanneke", "Janneke", "Mirjam", "Ria", "Gerda", "Els", "Ans", "Tineke",
  "Nadia", "Samira", "Elif", "Merel", "Floor", "Maud", "Tess", "Nina", "Mila", "Yara",
];
const CHILD_MALE = [
  "Noah", "Sem", "Liam", "Lucas", "Daan", "Finn", "Levi", "Luuk", "Mees", "James", "Milan", "Sam", "Noud", "Bram", "Jesse",
  "Thijs", "Adam", "Mohammed", "Max", "Siem", "Jayden", "Ruben", "Lars", "Julian", "Teun", "Tijn", "Thomas", "Gijs",
  "Hugo", "Boaz", "Olivier", "Jens", "Stijn", "Ties", "Morris", "Dex", "Vince", "Owen", "Yusuf", "Kaan",
];
const CHILD_FEMALE = [
  "Emma", "Julia", "Mila", "Tess", "Sophie", "Zoë", "Sara", "Nora", "Yara", "Eva", "Liv", "Lotte", "Evi", "Noor", "Anna",
  "Lieke", "Fenna", "Saar", "Lisa", "Lina", "Nina", "Fleur", "Isa", "Roos", "Elin", "Maud", "Olivia", "Jasmijn", "Esmee",
  "Amira", "Ayla", "Hanna", "Sofie", "Bo", "Nova", "Luna", "Feline", "Elif", "Merel", "Floor",
];
const SECOND_NAMES = ["Maria", "Johanna", "Johannes", "Hendrik", "Cornelis", "Elisabeth", "Petronella", "Willem", "Jacobus", "Catharina", "Anna", "Theodorus"];
/** [prefix, family name]; the common Dutch surnames, with their prefixes split off as Raet does. */
const FAMILY: readonly (readonly [string, string])[] = [
  ["de", "Jong"], ["", "Jansen"], ["de", "Vries"], ["van den", "Berg"], ["van", "Dijk"], ["", "Bakker"], ["", "Janssen"],
  ["", "Visser"], ["", "Smit"], ["", "Meijer"], ["de", "Boer"], ["", "Mulder"], ["de", "Groot"], ["", "Bos"], ["", "Vos"],
  ["", "Peters"], ["", "Hendriks"], ["van", "Leeuwen"], ["", "Dekker"], ["", "Brouwer"], ["de", "Wit"], ["", "Dijkstra"],
  ["", "Smits"], ["de", "Graaf"], ["van der", "Meer"], ["van der", "Linden"], ["", "Kok"], ["", "Jacobs"], ["de", "Haan"],
  ["", "Vermeulen"], ["van den", "Heuvel"], ["van der", "Veen"], ["van den", "Broek"], ["de", "Bruijn"], ["de", "Bruin"],
  ["van der", "Heijden"], ["", "Schouten"], ["van", "Beek"], ["", "Willems"], ["van", "Vliet"], ["van de", "Ven"],
  ["", "Hoekstra"], ["", "Maas"], ["", "Verhoeven"], ["", "Koster"], ["van", "Dam"], ["van der", "Wal"], ["", "Prins"],
  ["", "Blom"], ["", "Huisman"], ["", "Peeters"], ["de", "Haas"], ["", "Kuipers"], ["van", "Wijk"], ["", "Post"],
  ["", "Kuijpers"], ["", "Veenstra"], ["", "Kramer"], ["van den", "Brink"], ["", "Scholten"], ["van", "Wijngaarden"],
  ["", "Martens"], ["", "Vink"], ["de", "Ruiter"], ["", "Timmermans"], ["", "Groen"], ["", "Gerritsen"], ["", "Jonker"],
  ["van", "Loon"], ["", "Boersma"], ["", "Willemsen"], ["van", "Rijn"], ["", "Evers"], ["", "Bosman"], ["", "Hermans"],
  ["", "Wouters"], ["", "Claassen"], ["", "Verbeek"], ["", "Postma"], ["", "Koning"], ["", "Molenaar"], ["", "Schipper"],
  ["van", "Es"], ["de", "Lange"], ["", "Franken"], ["", "Mertens"], ["", "Vermeer"], ["", "Wolters"], ["", "Hofman"],
  ["van", "Ommen"], ["ter", "Horst"], ["", "Zijlstra"], ["van", "Kessel"], ["van de", "Pol"], ["", "Wagenaar"],
  ["in 't", "Veld"], ["", "Rietveld"], ["den", "Hartog"], ["", "Koopman"], ["van", "Zanten"], ["", "Stam"],
  ["", "Hoogendoorn"], ["", "Bouwman"], ["van", "Gelder"], ["", "Akkerman"], ["", "Timmer"], ["", "Pronk"], ["van", "Driel"],
  ["", "Wiersma"], ["", "Ketelaar"], ["", "Valk"], ["", "Schreurs"], ["", "Brandsma"], ["'t", "Hart"], ["", "Oosterhout"],
  ["", "Lammers"], ["", "Nijland"], ["", "Baars"], ["", "Tiemens"], ["", "Heuvelmans"], ["", "Ploeg"], ["", "Ouwehand"],
  ["", "El Amrani"], ["el", "Idrissi"], ["", "Bouzid"], ["", "Haddou"], ["", "Öztürk"], ["", "Yılmaz"], ["", "Kaya"],
  ["", "Şahin"], ["", "Doğan"], ["", "Çelik"], ["", "Ramdin"], ["", "Ramsaran"], ["", "Martina"], ["", "Nguyen"],
  ["", "Kowalski"], ["", "Nowak"], ["", "Bulut"], ["", "Aydın"], ["", "Benali"], ["van", "Dongen"], ["van", "Houten"],
  ["", "Verbruggen"], ["", "Smeets"], ["", "Hoek"], ["van", "Veen"], ["", "Spijker"], ["", "Mol"], ["", "Kuiper"],
  ["", "Kroon"], ["", "Bulten"], ["van", "Ee"], ["", "Vonk"], ["", "Aalbers"], ["", "Bloemendaal"], ["van der", "Ploeg"],
  ["op de", "Beek"], ["", "Roos"], ["", "Hiemstra"], ["", "Kooistra"], ["", "Wijnen"], ["", "Goossens"], ["", "Lambrechts"],
];
const SCHOOL_NAMES = [
  "De Regenboog", "Het Kompas", "De Wielewaal", "De Klimop", "Ter Weide", "De Meander", "De Uiterwaard", "De Vlinderboom",
  "De Linde", "'t Startblok", "Het Veer", "De Dijkgraaf", "De Waterlelie", "De Zwaluw", "De Boomgaard", "De Kersenboom",
  "De Lingeschool", "De Speelwei", "De Horizon", "De Bommelerwaard", "Het Zonnerad", "De Waalbrug", "De Maasterp",
  "De Wiekslag", "De Vossenburcht", "De Kastanje", "De Notenboom", "De Populier", "De Sleutelbloem", "Het Eiland",
  "De Fladderiep", "Het Palet", "De Springplank", "De Vuurvogel", "Het Baken", "De Toermalijn", "De Tweemaster",
  "De Schakel", "Het Mozaïek", "De Bolster", "De Wegwijzer", "De Zonnewijzer", "Het Anker", "De Wilgenhoek",
];
const TOWNS = [
  "Tiel", "Culemborg", "Geldermalsen", "Zaltbommel", "Buren", "Kerkdriel", "Beesd", "Meteren", "Maurik", "Lienden",
  "Hedel", "Rossum", "Brakel", "Haaften", "Ammerzoden", "Asperen", "Zoelen", "Wadenoijen", "Erichem", "Heerewaarden",
];
const STREETS = [
  "Kerkstraat", "Dorpsstraat", "Molenstraat", "Stationsstraat", "Hoogeinde", "Waterstraat", "Nieuwstraat", "Voorstraat",
  "Achterstraat", "Rijksstraatweg", "Koninginnelaan", "Julianastraat", "Beatrixlaan", "Lingedijk", "Waalbandijk",
  "Kastanjelaan", "Populierenlaan", "Appelgaard", "Kersenhof", "Uiterwaardenstraat",
];
const REGION_NAMES = ["Noord", "Midden", "Zuid", "Oost", "West"];
const LETTERS = [..."ABCDEGHJKLMNPRSTVWXZ"];

function initials(givenNames: string): string {
  return givenNames
    .split(/[\s-]+/)
    .filter((word) => word.length > 0)
    .map((word) => `${word[0]!.toUpperCase()}.`)
    .join("");
}

const asciiCache = new Map<string, string>();

/** "Öztürk" -> "ozturk", "van den Berg" -> "vandenberg" (names repeat, so results are cached). */
function asciiLower(value: string): string {
  const cached = asciiCache.get(value);
  if (cached !== undefined) return cached;
  const result = value
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/ı/g, "i")
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, "");
  if (asciiCache.size < 100_000) asciiCache.set(value, result);
  return result;
}

/** The key the example Aggregation mapping starts with: birth date + normalised family name. */
function aggregationKey(birthDate: string, familyName: string): string {
  return `${birthDate}|${asciiLower(familyName)}`;
}

/* ------------------------------------------------------------------ CSV writing */

export const EMPLOYEE_COLUMNS = [
  "Personeelsnummer", "Roepnaam", "Voornamen", "Voorletters", "Voorvoegsel", "Achternaam", "VoorvoegselPartner",
  "AchternaamPartner", "Naamgebruik", "Geslacht", "Geboortedatum", "Email", "EmailPrive", "Mobiel", "Straat",
  "Huisnummer", "Postcode", "Woonplaats",
] as const;
export const CONTRACT_COLUMNS = [
  "Contractnummer", "Personeelsnummer", "Startdatum", "Einddatum", "Fte", "UrenPerWeek", "Volgnummer", "Functiecode",
  "Functie", "Afdelingscode", "Afdelingsnaam", "Schoolcode", "Schoolnaam", "Kostenplaats", "Leidinggevende",
  "ContractType",
] as const;
export const DEPARTMENT_COLUMNS = ["Afdelingscode", "Naam", "Manager", "BovenliggendeAfdeling", "Kostenplaats"] as const;
export const STUDENT_COLUMNS = [
  "Leerlingnummer", "Roepnaam", "Tussenvoegsel", "Achternaam", "Geboortedatum", "Schoolcode", "Schoolnaam", "Klas",
  "Leerjaar", "Startdatum", "Einddatum",
] as const;

type Row = Record<string, string>;

function csvValue(value: string): string {
  return /[";\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Buffers lines and writes them in large slices, waiting for the stream when it asks to. */
class CsvWriter {
  private readonly stream: WriteStream;
  private buffer: string[] = [];
  private size = 0;
  private readonly finished: Promise<void>;
  rows = 0;

  constructor(
    readonly path: string,
    private readonly columns: readonly string[],
    private readonly eol: "\r\n" | "\n",
    bom: boolean,
  ) {
    this.stream = createWriteStream(path, { encoding: "utf8" });
    this.finished = new Promise((resolve, reject) => {
      this.stream.once("finish", resolve);
      this.stream.once("error", reject);
    });
    this.buffer.push(`${bom ? "\uFEFF" : ""}${columns.join(";")}${eol}`);
  }

  async write(row: Row): Promise<void> {
    let line = "";
    for (let i = 0; i < this.columns.length; i++) {
      if (i > 0) line += ";";
      line += csvValue(row[this.columns[i]!] ?? "");
    }
    line += this.eol;
    this.buffer.push(line);
    this.size += line.length;
    this.rows++;
    if (this.size >= 256 * 1024) await this.flush();
  }

  private async flush(): Promise<void> {
    const chunk = this.buffer.join("");
    this.buffer = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await new Promise<void>((resolve) => this.stream.once("drain", resolve));
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await this.finished;
  }
}

/* ------------------------------------------------------------------ the organisation */

interface School {
  code: string;
  name: string;
  town: string;
  region: string;
  kind: "po" | "sbo" | "vo";
  costCenter: string;
  manager: string;
  /** Department codes staff of this school are placed in (the school, and teams for VO). */
  teams: { code: string; name: string; costCenter: string; manager: string }[];
}

interface Department {
  code: string;
  name: string;
  manager: string;
  parent: string;
  costCenter: string;
}

const FUNCTIONS = {
  BST: "Bestuurder",
  MBV: "Manager bedrijfsvoering",
  HPO: "Hoofd personeel en organisatie",
  HRA: "HR-adviseur",
  SAL: "Salarisadministrateur",
  ICTC: "ICT-coördinator",
  FB: "Functioneel beheerder",
  RDIR: "Regiodirecteur",
  DIR: "Directeur",
  TL: "Teamleider",
  LK10: "Leerkracht",
  LK11: "Leerkracht",
  VLO: "Vakleerkracht bewegingsonderwijs",
  IB: "Intern begeleider",
  OA: "Onderwijsassistent",
  CON: "Conciërge",
  ADM: "Administratief medewerker",
  DOC: "Docent",
  TOA: "Technisch onderwijsassistent",
} as const;
type FunctionCode = keyof typeof FUNCTIONS;

const fte4 = (fte: number) => fte.toFixed(4).replace(".", ",");
const hours2 = (fte: number) => (fte * 40).toFixed(2).replace(".", ",");

class Organisation {
  readonly random: Random;
  readonly departments: Department[] = [];
  readonly schools: School[] = [];
  readonly regions: { code: string; name: string; manager: string }[] = [];
  readonly usedKeys = new Set<string>();
  readonly usedEmails = new Set<string>();
  private readonly emailSuffix = new Map<string, number>();
  readonly departmentByCode = new Map<string, Department>();
  readonly locationByDepartment = new Map<string, { code: string; name: string }>();
  readonly ref: string;

  constructor(seed: number, ref: string) {
    this.random = new Random(seed);
    this.ref = ref;
  }

  /** Birth date between the two dates (inclusive), unique together with the family name. */
  birthDate(familyName: string, from: string, to: string): string {
    const start = fromDay(from);
    const span = Math.max(0, Math.round((fromDay(to) - start) / DAY));
    for (let attempt = 0; ; attempt++) {
      const day = toDay(start + this.random.int(0, span) * DAY);
      const key = aggregationKey(day, familyName);
      if (!this.usedKeys.has(key)) {
        this.usedKeys.add(key);
        return day;
      }
      // A tiny range with a common name can run out of days; widen it instead of looping forever.
      if (attempt > 50) return this.birthDate(familyName, addDays(from, -365), to);
    }
  }

  email(nick: string, prefix: string, family: string): string {
    const base = `${asciiLower(nick)}.${asciiLower(prefix + family)}`;
    let address = `${base}@soor.example`;
    // jan.dejong@, jan.dejong2@, jan.dejong3@ ...; the counter per name avoids rescanning.
    for (let n = this.emailSuffix.get(base) ?? 2; this.usedEmails.has(address); n++) {
      address = `${base}${n}@soor.example`;
      this.emailSuffix.set(base, n + 1);
    }
    this.usedEmails.add(address);
    return address;
  }
}

function schoolCodes(random: Random, count: number): string[] {
  const used = new Set<string>();
  const codes: string[] = [];
  while (codes.length < count) {
    const code = `${String(random.int(0, 99)).padStart(2, "0")}${random.pick(LETTERS)}${random.pick(LETTERS)}00`;
    if (!used.has(code)) {
      used.add(code);
      codes.push(code);
    }
  }
  return codes;
}

interface StaffMember {
  row: Row;
  contracts: Row[];
}

/** Lays out departments and the people who manage them (their employee numbers are fixed first). */
function buildStructure(org: Organisation, schools: number, nextNumber: () => string) {
  const r = org.random;
  const managers: { number: string; fn: FunctionCode; department: string; reportsTo: string; school?: School }[] = [];
  const boardNumber = nextNumber();
  const bvNumber = nextNumber();
  const poNumber = nextNumber();
  org.departments.push(
    { code: "BB", name: "Bestuursbureau SOOR", manager: boardNumber, parent: "", costCenter: "1000" },
    { code: "BB-BV", name: "Bedrijfsvoering", manager: bvNumber, parent: "BB", costCenter: "1100" },
    { code: "BB-ICT", name: "ICT en informatievoorziening", manager: "", parent: "BB-BV", costCenter: "1110" },
    { code: "BB-PO", name: "Personeel en organisatie", manager: poNumber, parent: "BB-BV", costCenter: "1120" },
  );
  managers.push(
    { number: boardNumber, fn: "BST", department: "BB", reportsTo: "" },
    { number: bvNumber, fn: "MBV", department: "BB-BV", reportsTo: boardNumber },
    { number: poNumber, fn: "HPO", department: "BB-PO", reportsTo: bvNumber },
  );
  const regionCount = Math.max(1, Math.round(schools / 12));
  for (let i = 0; i < regionCount; i++) {
    const code = `REG-${String(i + 1).padStart(2, "0")}`;
    const name = `Regio ${REGION_NAMES[i] ?? String(i + 1)}`;
    const manager = nextNumber();
    org.regions.push({ code, name, manager });
    org.departments.push({ code, name, manager, parent: "BB", costCenter: String(1200 + i + 1) });
    managers.push({ number: manager, fn: "RDIR", department: code, reportsTo: boardNumber });
  }
  const codes = schoolCodes(r, schools);
  let director: { number: string; left: number } | null = null;
  for (let i = 0; i < schools; i++) {
    const region = org.regions[i % regionCount]!;
    const kind: School["kind"] = i % 10 === 9 ? "vo" : i % 18 === 8 ? "sbo" : "po";
    const town = r.pick(TOWNS);
    const base = SCHOOL_NAMES[i % SCHOOL_NAMES.length]!;
    const round = Math.floor(i / SCHOOL_NAMES.length);
    const name =
      kind === "vo"
        ? `Rivierland College ${town}${round > 0 ? ` ${i}` : ""}`
        : `${kind === "sbo" ? "SBO" : "OBS"} ${base}${round > 0 ? ` ${town}` : ""}`;
    const code = codes[i]!;
    const costCenter = String(2000 + i + 1);
    // Small primary schools share a director (two or three schools); a few posts are vacant.
    let manager = "";
    const vacant = i % 25 === 10;
    if (!vacant) {
      if (kind !== "po" || !director || director.left === 0) {
        const number = nextNumber();
        managers.push({ number, fn: "DIR", department: code, reportsTo: region.manager });
        director = kind === "po" ? { number, left: r.int(0, 2) } : null;
        manager = number;
      } else {
        manager = director.number;
        director.left--;
      }
    }
    const school: School = { code, name, town, region: region.code, kind, costCenter, manager, teams: [] };
    org.departments.push({ code, name, manager, parent: region.code, costCenter });
    school.teams.push({ code, name, costCenter, manager });
    if (kind === "vo") {
      // Secondary schools have teams: the lower years led by a team leader, the upper years without one.
      const leader = nextNumber();
      const ob = { code: `${code}-OB`, name: `${name} - Team onderbouw`, costCenter: `${costCenter}1`, manager: leader };
      const bb = { code: `${code}-BB`, name: `${name} - Team bovenbouw`, costCenter: `${costCenter}2`, manager: "" };
      org.departments.push(
        { code: ob.code, name: ob.name, manager: leader, parent: code, costCenter: ob.costCenter },
        { code: bb.code, name: bb.name, manager: "", parent: code, costCenter: bb.costCenter },
      );
      managers.push({ number: leader, fn: "TL", department: ob.code, reportsTo: manager || region.manager, school });
      school.teams.push(ob, bb);
    }
    org.schools.push(school);
  }
  for (const m of managers) {
    if (m.fn === "DIR") m.school = org.schools.find((s) => s.code === m.department);
  }
  return managers;
}

function indexDepartments(org: Organisation): void {
  for (const d of org.departments) org.departmentByCode.set(d.code, d);
  for (const s of org.schools) {
    for (const t of s.teams) org.locationByDepartment.set(t.code, { code: s.code, name: s.name });
  }
}

function location(org: Organisation, department: string): { code: string; name: string } {
  return org.locationByDepartment.get(department) ?? { code: "BB", name: "Bestuursbureau SOOR" };
}

/** One employee row with a realistic name, birth date and address. */
function employeeRow(org: Organisation, number: string, birthFrom: string, birthTo: string, future = false): Row {
  const r = org.random;
  const female = r.chance(0.72); // Dutch education employs far more women than men
  const nick = r.pick(female ? FEMALE : MALE);
  const givenNames = r.chance(0.4) ? `${nick} ${r.pick(SECOND_NAMES)}` : nick;
  const [prefix, family] = r.pick(FAMILY);
  let partnerPrefix = "";
  let partner = "";
  let convention = "B";
  if (female && r.chance(0.3)) {
    [partnerPrefix, partner] = r.pick(FAMILY);
    convention = r.pick(["B", "B", "BP", "BP", "P", "PB"]);
  }
  const birth = org.birthDate(family, birthFrom, birthTo);
  const usesPartner = convention === "P" && partner;
  const email = future ? "" : org.email(nick, usesPartner ? partnerPrefix : prefix, usesPartner ? partner : family);
  const town = r.pick(TOWNS);
  return {
    Personeelsnummer: number,
    Roepnaam: nick,
    Voornamen: givenNames,
    Voorletters: initials(givenNames),
    Voorvoegsel: prefix,
    Achternaam: family,
    VoorvoegselPartner: partnerPrefix,
    AchternaamPartner: partner,
    Naamgebruik: convention,
    Geslacht: r.chance(0.005) ? "X" : female ? "V" : "M",
    Geboortedatum: birth,
    Email: email,
    EmailPrive: r.chance(0.1) ? `${asciiLower(nick)}${r.int(1, 999)}@example.com` : "",
    Mobiel: r.chance(0.25) ? `06-${String(r.int(10_000_000, 99_999_999))}` : "",
    Straat: r.pick(STREETS),
    Huisnummer: `${r.int(1, 220)}${r.chance(0.1) ? r.pick(["a", "b", "A", "-1", "-2"]) : ""}`,
    Postcode: `${r.int(4000, 5399)} ${r.pick(LETTERS)}${r.pick(LETTERS)}`,
    Woonplaats: town,
  };
}

interface ContractSpec {
  number: string;
  sequence: number;
  start: string;
  end: string;
  fte: number;
  fn: FunctionCode;
  department: string;
  manager: string;
  type: "Vast" | "Tijdelijk" | "Invalkracht";
}

function contractRow(org: Organisation, spec: ContractSpec): Row {
  const department = org.departmentByCode.get(spec.department)!;
  const place = location(org, spec.department);
  return {
    Contractnummer: `${spec.number}-${spec.sequence}`,
    Personeelsnummer: spec.number,
    Startdatum: spec.start,
    Einddatum: spec.end,
    Fte: fte4(spec.fte),
    UrenPerWeek: hours2(spec.fte),
    Volgnummer: String(spec.sequence),
    Functiecode: spec.fn,
    Functie: FUNCTIONS[spec.fn],
    Afdelingscode: department.code,
    Afdelingsnaam: department.name,
    Schoolcode: place.code,
    Schoolnaam: place.name,
    Kostenplaats: department.costCenter,
    Leidinggevende: spec.manager === spec.number ? "" : spec.manager,
    ContractType: spec.type,
  };
}

const FTES = [1, 1, 0.9, 0.8, 0.8, 0.8, 0.7, 0.6, 0.6, 0.5, 0.4] as const;

/** Staff contracts: mostly one, some with a second school, an older expired contract or a future one. */
function staffContracts(
  org: Organisation,
  number: string,
  status: "active" | "future" | "former",
  home: School,
): ContractSpec[] {
  const r = org.random;
  const ref = org.ref;
  const team = r.pick(home.teams);
  const fn: FunctionCode =
    home.kind === "vo"
      ? r.pick(["DOC", "DOC", "DOC", "DOC", "DOC", "TOA", "CON", "ADM"] as const)
      : r.pick(["LK10", "LK10", "LK10", "LK10", "LK11", "LK11", "OA", "OA", "IB", "VLO", "CON", "ADM"] as const);
  const managerOf = (t: { manager: string }, s: School) =>
    t.manager || s.manager || org.regions.find((g) => g.code === s.region)!.manager;
  const specs: ContractSpec[] = [];
  const yearsAgo = r.int(0, 30);
  const start = addDays(`${schoolYearOf(ref) - yearsAgo}-08-01`, 0);
  if (status === "future") {
    const begin = addDays(ref, r.int(1, 60));
    specs.push({ number, sequence: 1, start: begin, end: r.chance(0.5) ? `${schoolYearOf(begin) + 1}-07-31` : "", fte: r.pick(FTES), fn, department: team.code, manager: managerOf(team, home), type: "Tijdelijk" });
    return specs;
  }
  if (status === "former") {
    const end = addDays(ref, -r.int(1, 120));
    specs.push({ number, sequence: 1, start: start < end ? start : addDays(end, -400), end, fte: r.pick(FTES), fn, department: team.code, manager: managerOf(team, home), type: r.chance(0.5) ? "Vast" : "Tijdelijk" });
    return specs;
  }
  const roll = r.next();
  if (roll < 0.04) {
    // A substitute teacher: short contracts, one done, one running now, sometimes one coming up.
    const begin = addDays(ref, -r.int(0, 10));
    specs.push({ number, sequence: 1, start: addDays(ref, -r.int(40, 80)), end: addDays(ref, -r.int(20, 39)), fte: r.pick(FTES), fn: home.kind === "vo" ? "DOC" : "LK10", department: team.code, manager: managerOf(team, home), type: "Invalkracht" });
    specs.push({ number, sequence: 2, start: begin, end: addDays(begin, r.int(4, 25)), fte: r.pick(FTES), fn: home.kind === "vo" ? "DOC" : "LK10", department: team.code, manager: managerOf(team, home), type: "Invalkracht" });
    if (r.chance(0.4)) {
      const other = r.pick(org.schools);
      const t = other.teams[0]!;
      const next = addDays(ref, r.int(14, 40));
      specs.push({ number, sequence: 3, start: next, end: addDays(next, r.int(4, 25)), fte: r.pick(FTES), fn: other.kind === "vo" ? "DOC" : "LK10", department: t.code, manager: managerOf(t, other), type: "Invalkracht" });
    }
    return specs;
  }
  const fte = r.pick(FTES);
  const permanent = yearsAgo >= 2 || r.chance(0.5);
  specs.push({ number, sequence: 1, start, end: permanent ? "" : `${schoolYearOf(ref) + 1}-07-31`, fte, fn, department: team.code, manager: managerOf(team, home), type: permanent ? "Vast" : "Tijdelijk" });
  if (roll < 0.2) {
    // Also works at a second school (same region when there is one), for the remaining hours.
    const candidates = org.schools.filter((s) => s.region === home.region && s.code !== home.code);
    const other = candidates.length > 0 ? r.pick(candidates) : home;
    const t = other.teams[0]!;
    const secondFte = Math.max(0.1, Math.round((1 - fte) * 10) / 10 || 0.2);
    specs.push({ number, sequence: 2, start: addDays(`${schoolYearOf(ref) - r.int(0, 5)}-08-01`, 0), end: r.chance(0.3) ? `${schoolYearOf(ref) + 1}-07-31` : "", fte: secondFte, fn: other.kind === "vo" ? "DOC" : fn, department: t.code, manager: managerOf(t, other), type: "Vast" });
  } else if (roll < 0.3 && yearsAgo > 0) {
    // The first (temporary) contract before the permanent one, now expired.
    const oldStart = addDays(start, -365);
    specs.unshift({ number, sequence: 1, start: oldStart, end: addDays(start, -1), fte: r.pick(FTES), fn, department: team.code, manager: managerOf(team, home), type: "Tijdelijk" });
    specs[1]!.sequence = 2;
  }
  if (r.chance(0.05)) {
    // Extra hours agreed from a date in the coming months.
    const next = addDays(ref, r.int(10, 70));
    specs.push({ number, sequence: specs.length + 1, start: next, end: `${schoolYearOf(next) + 1}-07-31`, fte: 0.2, fn, department: team.code, manager: managerOf(team, home), type: "Tijdelijk" });
  }
  return specs;
}

/* ------------------------------------------------------------------ students */

/** "3B" in primary schools; "HV1A" (first year) and "M2A" / "H4B" / "V5A" in secondary schools. */
function className(school: School, leerjaar: number, index: number): string {
  const letter = (n: number) => String.fromCharCode(65 + n);
  if (school.kind !== "vo") return `${leerjaar}${letter(index)}`;
  if (leerjaar === 1) return `HV1${letter(index)}`;
  // mavo runs four years, havo five, vwo six.
  const streams = leerjaar <= 4 ? ["M", "H", "V"] : leerjaar === 5 ? ["H", "V"] : ["V"];
  return `${streams[index % streams.length]!}${leerjaar}${letter(Math.floor(index / streams.length))}`;
}

async function writeStudents(org: Organisation, writer: CsvWriter, counts: number[], firstNumber: number): Promise<number> {
  const r = org.random;
  const year = schoolYearOf(org.ref);
  let number = firstNumber;
  for (const [i, school] of org.schools.entries()) {
    const count = counts[i] ?? 0;
    const years = school.kind === "vo" ? 6 : 8;
    for (let k = 0; k < count; k++) {
      const leerjaar = 1 + (k % years);
      const perYear = Math.ceil(count / years);
      const classes = Math.max(1, Math.ceil(perYear / 26));
      const klas = className(school, leerjaar, Math.floor(k / years) % (school.kind === "vo" ? Math.max(3, classes) : classes));
      // Cohort: primary groep g is born 1 Oct (year-g-4) .. 30 Sep (year-g-3); VO year n like groep 8+n.
      const g = school.kind === "vo" ? 8 + leerjaar : leerjaar;
      const [prefix, family] = r.pick(FAMILY);
      const birth = org.birthDate(family, `${year - g - 4}-10-01`, `${year - g - 3}-09-30`);
      let start: string;
      if (school.kind === "vo") start = schoolYearStart(year - leerjaar + 1);
      else {
        const fourth = `${Number(birth.slice(0, 4)) + 4}${birth.slice(4)}`;
        const summer = fourth.slice(5, 7) === "07" || (fourth.slice(5, 7) === "08" && fourth < schoolYearStart(Number(fourth.slice(0, 4))));
        start = summer ? schoolYearStart(Number(fourth.slice(0, 4))) : fourth;
      }
      // Now and then a four-year-old who starts after the reference date (future enrolment).
      if (school.kind !== "vo" && leerjaar === 1 && r.chance(0.05)) start = addDays(org.ref, r.int(1, 60));
      await writer.write({
        Leerlingnummer: String(number++),
        Roepnaam: r.pick(r.chance(0.5) ? CHILD_FEMALE : CHILD_MALE),
        Tussenvoegsel: prefix,
        Achternaam: family,
        Geboortedatum: birth,
        Schoolcode: school.code,
        Schoolnaam: school.name,
        Klas: klas,
        Leerjaar: String(leerjaar),
        Startdatum: start,
        Einddatum: r.chance(0.005) ? addDays(org.ref, r.int(1, 90)) : "",
      });
    }
  }
  return number - firstNumber;
}

/* ------------------------------------------------------------------ generateOrganisation */

export async function generateOrganisation(options: OrganisationOptions): Promise<OrganisationSummary> {
  const started = performance.now();
  const seed = options.seed ?? 1;
  const ref = options.referenceDate ?? DEFAULT_REFERENCE_DATE;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(ref) || Number.isNaN(fromDay(ref))) throw new RangeError("referenceDate must be YYYY-MM-DD");
  if (!Number.isInteger(options.staff) || options.staff < 5) throw new RangeError("staff must be a whole number >= 5");
  if (!Number.isInteger(options.schools) || options.schools < 1) throw new RangeError("schools must be a whole number >= 1");
  const totalStudents = options.students ?? options.schools * (options.studentsPerSchool ?? 0);
  if (!Number.isInteger(totalStudents) || totalStudents < 0) throw new RangeError("students must be a whole number >= 0");

  await mkdir(options.outDir, { recursive: true });
  const org = new Organisation(seed, ref);
  const r = org.random;
  let numberCounter = 100000;
  const nextNumber = () => String(++numberCounter);
  const managers = buildStructure(org, options.schools, nextNumber);
  indexDepartments(org);
  if (managers.length > options.staff) {
    throw new RangeError(`${options.schools} schools need at least ${managers.length} staff (directors, team leaders, board)`);
  }

  const files = {
    departments: join(options.outDir, "departments.csv"),
    employees: join(options.outDir, "employees.csv"),
    contracts: join(options.outDir, "contracts.csv"),
    students: join(options.outDir, "students.csv"),
  };
  const departments = new CsvWriter(files.departments, DEPARTMENT_COLUMNS, "\r\n", true);
  for (const d of org.departments) {
    await departments.write({ Afdelingscode: d.code, Naam: d.name, Manager: d.manager, BovenliggendeAfdeling: d.parent, Kostenplaats: d.costCenter });
  }
  await departments.close();

  const employees = new CsvWriter(files.employees, EMPLOYEE_COLUMNS, "\r\n", true);
  const contracts = new CsvWriter(files.contracts, CONTRACT_COLUMNS, "\r\n", true);
  const birthFrom = `${Number(ref.slice(0, 4)) - 66}-01-01`;
  const birthTo = `${Number(ref.slice(0, 4)) - 21}-12-31`;
  const staffStatus = { active: 0, future: 0, former: 0 };

  // Managers first (their numbers are referenced by departments and contracts).
  for (const m of managers) {
    await employees.write(employeeRow(org, m.number, birthFrom, `${Number(ref.slice(0, 4)) - 30}-12-31`));
    const start = `${schoolYearOf(ref) - r.int(1, 15)}-08-01`;
    await contracts.write(contractRow(org, { number: m.number, sequence: 1, start, end: "", fte: m.fn === "HPO" ? 0.9 : 1, fn: m.fn, department: m.department, manager: m.reportsTo, type: "Vast" }));
    staffStatus.active++;
  }
  // Board office staff (about 2%), then the schools, weighted by size (secondary schools are larger).
  const officeStaff = Math.max(2, Math.round(options.staff * 0.02));
  const cumulative: number[] = [];
  let weightSum = 0;
  for (const s of org.schools) cumulative.push((weightSum += s.kind === "vo" ? 3 : 1));
  const board = org.departments.find((d) => d.code === "BB")!;
  for (let i = managers.length; i < options.staff; i++) {
    const number = nextNumber();
    const status = r.chance(0.015) ? "future" : r.chance(0.01) ? "former" : "active";
    staffStatus[status]++;
    if (i < managers.length + officeStaff) {
      await employees.write(employeeRow(org, number, birthFrom, birthTo, status === "future"));
      const dept = r.pick(["BB-ICT", "BB-PO", "BB-PO", "BB-BV"]);
      const fn: FunctionCode = dept === "BB-ICT" ? r.pick(["ICTC", "FB"] as const) : dept === "BB-PO" ? r.pick(["HRA", "SAL"] as const) : "ADM";
      const manager = dept === "BB-ICT" && r.chance(0.5) ? "" : org.departmentByCode.get(dept)!.manager || board.manager;
      const start = status === "future" ? addDays(ref, r.int(1, 60)) : `${schoolYearOf(ref) - r.int(0, 20)}-${String(r.int(1, 12)).padStart(2, "0")}-01`;
      const end = status === "former" ? addDays(ref, -r.int(1, 120)) : "";
      await contracts.write(contractRow(org, { number, sequence: 1, start: end && start > end ? addDays(end, -300) : start, end, fte: r.pick(FTES), fn, department: dept, manager, type: "Vast" }));
      continue;
    }
    const pickWeight = r.next() * weightSum;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! > pickWeight) high = mid;
      else low = mid + 1;
    }
    const home = org.schools[low]!;
    await employees.write(employeeRow(org, number, birthFrom, birthTo, status === "future"));
    for (const spec of staffContracts(org, number, status, home)) await contracts.write(contractRow(org, spec));
  }
  await employees.close();
  await contracts.close();

  // Students, spread evenly over the schools (the remainder to the first schools).
  const perSchool = Math.floor(totalStudents / org.schools.length);
  const remainder = totalStudents - perSchool * org.schools.length;
  const counts = org.schools.map((_, i) => perSchool + (i < remainder ? 1 : 0));
  const students = new CsvWriter(files.students, STUDENT_COLUMNS, "\n", false);
  const written = await writeStudents(org, students, counts, 2_000_001);
  await students.close();

  return {
    outDir: options.outDir,
    seed,
    referenceDate: ref,
    staff: options.staff,
    students: written,
    persons: options.staff + written,
    contracts: contracts.rows,
    departments: org.departments.length,
    schools: org.schools.length,
    regions: org.regions.length,
    staffStatus,
    files,
    milliseconds: Math.round(performance.now() - started),
  };
}

/* ------------------------------------------------------------------ applyChanges */

export interface ChangeOptions {
  /** Share of all persons (staff + students) to change, in percent. Default 1. */
  percent?: number;
  seed?: number;
  referenceDate?: string;
}

export interface ChangeSummary {
  dir: string;
  percent: number;
  personsBefore: number;
  personsAfter: number;
  changedPersons: number;
  staff: { nameChanged: number; contractChanged: number; leftEndDated: number; leftRemoved: number; joined: number };
  students: { classChanged: number; schoolChanged: number; left: number; joined: number };
  /** Which persons changed, by kind (ExternalIds), so a benchmark can check the re-import. */
  externalIds: Record<string, string[]>;
  milliseconds: number;
}

interface CsvFile {
  header: string[];
  rows: Row[];
  bom: boolean;
  eol: "\r\n" | "\n";
}

function parseLine(line: string): string[] {
  if (!line.includes('"')) return line.split(";");
  const values: string[] = [];
  let value = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        value += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else value += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ";") {
      values.push(value);
      value = "";
    } else value += ch;
  }
  values.push(value);
  return values;
}

/** Reads a file written by this generator (one record per line; quoted values allowed). */
async function readCsv(path: string): Promise<CsvFile> {
  let text = await readFile(path, "utf8");
  const bom = text.startsWith("\uFEFF");
  if (bom) text = text.slice(1);
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = text.split(eol);
  if (lines[lines.length - 1] === "") lines.pop();
  const header = parseLine(lines[0] ?? "");
  const rows: Row[] = new Array(lines.length - 1);
  for (let i = 1; i < lines.length; i++) {
    const values = parseLine(lines[i]!);
    const row: Row = {};
    for (let c = 0; c < header.length; c++) row[header[c]!] = values[c] ?? "";
    rows[i - 1] = row;
  }
  return { header, rows, bom, eol };
}

async function writeCsv(path: string, file: CsvFile): Promise<void> {
  const tmp = `${path}.tmp`;
  const writer = new CsvWriter(tmp, file.header, file.eol, file.bom);
  for (const row of file.rows) await writer.write(row);
  await writer.close();
  await rename(tmp, path);
}

/** k distinct indexes from 0..n-1 (partial Fisher-Yates). */
function sample(random: Random, n: number, k: number): number[] {
  const picked = new Map<number, number>();
  const out: number[] = [];
  for (let i = 0; i < Math.min(k, n); i++) {
    const j = random.int(i, n - 1);
    out.push(picked.get(j) ?? j);
    picked.set(j, picked.get(i) ?? i);
  }
  return out;
}

/**
 * Rewrites the files in `dir` (written by generateOrganisation) with `percent` % of all persons
 * changed, as a day of HR and student administration would: marriages and divorces (partner
 * name and naming convention), contract changes (Fte, function, another school, an extension),
 * leavers (end-dated, or gone from the export) and joiners; students who change class or school,
 * leave or arrive. Deterministic for the same files and seed.
 */
export async function applyChanges(dir: string, options: ChangeOptions = {}): Promise<ChangeSummary> {
  const started = performance.now();
  const percent = options.percent ?? 1;
  const ref = options.referenceDate ?? DEFAULT_REFERENCE_DATE;
  const r = new Random(options.seed ?? 2);
  const paths = {
    employees: join(dir, "employees.csv"),
    contracts: join(dir, "contracts.csv"),
    departments: join(dir, "departments.csv"),
    students: join(dir, "students.csv"),
  };
  const [employees, contracts, departments, students] = await Promise.all([
    readCsv(paths.employees),
    readCsv(paths.contracts),
    readCsv(paths.departments),
    readCsv(paths.students).catch(() => null),
  ]);
  const studentRows = students?.rows ?? [];
  const personsBefore = employees.rows.length + new Set(studentRows.map((s) => s.Leerlingnummer)).size;
  const target = Math.round((personsBefore * percent) / 100);
  const staffTarget = Math.round((target * employees.rows.length) / personsBefore);
  const studentTarget = target - staffTarget;

  const schools = departments.rows.filter((d) => /^\d{2}[A-Z]{2}\d{2}$/.test(d.Afdelingscode ?? ""));
  const departmentByCode = new Map(departments.rows.map((d) => [d.Afdelingscode!, d]));
  const managerFor = (code: string): string => {
    for (let d = departmentByCode.get(code); d; d = departmentByCode.get(d.BovenliggendeAfdeling ?? "")) {
      if (d.Manager) return d.Manager;
    }
    return "";
  };
  const contractsOf = new Map<string, Row[]>();
  for (const c of contracts.rows) {
    const list = contractsOf.get(c.Personeelsnummer!);
    if (list) list.push(c);
    else contractsOf.set(c.Personeelsnummer!, [c]);
  }
  const externalIds: Record<string, string[]> = {};
  const note = (kind: string, id: string) => (externalIds[kind] ??= []).push(id);
  const staff = { nameChanged: 0, contractChanged: 0, leftEndDated: 0, leftRemoved: 0, joined: 0 };
  const removedStaff = new Set<string>();
  const withdrawn = new Set<Row>();
  const newEmployees: Row[] = [];
  const newContracts: Row[] = [];
  const org = new Organisation(options.seed ?? 2, ref);
  for (const e of employees.rows) org.usedKeys.add(aggregationKey(e.Geboortedatum!, e.Achternaam!));
  for (const s of studentRows) org.usedKeys.add(aggregationKey(s.Geboortedatum!, s.Achternaam!));
  for (const e of employees.rows) if (e.Email) org.usedEmails.add(e.Email);
  // Persons others point to (department managers, contract managers) only leave end-dated, so
  // every manager referenced in the files stays in the export.
  const referenced = new Set<string>();
  for (const d of departments.rows) if (d.Manager) referenced.add(d.Manager);
  for (const c of contracts.rows) if (c.Leidinggevende) referenced.add(c.Leidinggevende);
  let maxNumber = employees.rows.reduce((max, e) => Math.max(max, Number(e.Personeelsnummer) || 0), 0);

  // Joiners are new rows; the rest are existing persons, split over the kinds of change.
  const joiners = Math.round(staffTarget * 0.15);
  const existing = staffTarget - joiners;
  const picks = sample(r, employees.rows.length, existing);
  for (const [n, index] of picks.entries()) {
    const e = employees.rows[index]!;
    const id = e.Personeelsnummer!;
    const own = contractsOf.get(id) ?? [];
    const share = n / Math.max(1, existing);
    if (share < 0.35) {
      // Marriage or divorce: the partner name and how the person wants to be called.
      if (e.AchternaamPartner) {
        e.VoorvoegselPartner = "";
        e.AchternaamPartner = "";
        e.Naamgebruik = "B";
      } else {
        const [prefix, family] = r.pick(FAMILY);
        e.VoorvoegselPartner = prefix;
        e.AchternaamPartner = family;
        e.Naamgebruik = r.pick(["BP", "P", "PB"]);
      }
      staff.nameChanged++;
      note("staff.nameChanged", id);
    } else if (share < 0.8 && own.length > 0) {
      const c = own.find((k) => !k.Einddatum || k.Einddatum >= ref) ?? own[own.length - 1]!;
      let kind = r.int(0, 3);
      if (kind === 3 && !c.Einddatum) kind = 0;
      if (kind === 0) {
        const fte = r.pick(FTES);
        c.Fte = fte4(fte === Number(c.Fte!.replace(",", ".")) ? Math.max(0.1, fte - 0.1) : fte);
        c.UrenPerWeek = hours2(Number(c.Fte.replace(",", ".")));
      } else if (kind === 1) {
        const fn = r.pick(["IB", "OA", "LK11", "VLO"] as const);
        c.Functiecode = c.Functiecode === fn ? "LK10" : fn;
        c.Functie = FUNCTIONS[c.Functiecode as FunctionCode];
      } else if (kind === 2 && schools.length > 1) {
        let school = r.pick(schools);
        if (school.Afdelingscode === c.Schoolcode) school = schools[(schools.indexOf(school) + 1) % schools.length]!;
        c.Afdelingscode = school.Afdelingscode!;
        c.Afdelingsnaam = school.Naam!;
        c.Schoolcode = school.Afdelingscode!;
        c.Schoolnaam = school.Naam!;
        c.Kostenplaats = school.Kostenplaats ?? "";
        const manager = managerFor(school.Afdelingscode!);
        c.Leidinggevende = manager === id ? "" : manager;
      } else {
        // A temporary contract is extended by a year.
        c.Einddatum = addDays(c.Einddatum!, 365);
      }
      staff.contractChanged++;
      note("staff.contractChanged", id);
    } else if (r.chance(0.5) || referenced.has(id)) {
      // Leaves: HR end-dates the contracts; the export still lists the person for a while.
      // Contracts that had not started yet are withdrawn.
      const end = addDays(ref, -r.int(1, 20));
      for (const c of own) {
        if (c.Startdatum! > end) withdrawn.add(c);
        else if (!c.Einddatum || c.Einddatum > end) c.Einddatum = end;
      }
      if (own.every((c) => withdrawn.has(c))) {
        // A joiner who never started: HR removes the person altogether.
        removedStaff.add(id);
        staff.leftRemoved++;
        note("staff.leftRemoved", id);
      } else {
        staff.leftEndDated++;
        note("staff.leftEndDated", id);
      }
    } else {
      removedStaff.add(id);
      staff.leftRemoved++;
      note("staff.leftRemoved", id);
    }
  }
  const birthFrom = `${Number(ref.slice(0, 4)) - 66}-01-01`;
  const birthTo = `${Number(ref.slice(0, 4)) - 21}-12-31`;
  for (let j = 0; j < joiners; j++) {
    const id = String(++maxNumber);
    newEmployees.push(employeeRow(org, id, birthFrom, birthTo, true));
    const school = schools.length > 0 ? r.pick(schools) : departments.rows[0]!;
    const start = addDays(ref, r.int(1, 30));
    const manager = managerFor(school.Afdelingscode!);
    const fte = r.pick(FTES);
    newContracts.push({
      Contractnummer: `${id}-1`, Personeelsnummer: id, Startdatum: start, Einddatum: `${schoolYearOf(start) + 1}-07-31`,
      Fte: fte4(fte), UrenPerWeek: hours2(fte), Volgnummer: "1", Functiecode: "LK10", Functie: FUNCTIONS.LK10,
      Afdelingscode: school.Afdelingscode!, Afdelingsnaam: school.Naam!, Schoolcode: school.Afdelingscode!,
      Schoolnaam: school.Naam!, Kostenplaats: school.Kostenplaats ?? "", Leidinggevende: manager, ContractType: "Tijdelijk",
    });
    staff.joined++;
    note("staff.joined", id);
  }
  employees.rows = employees.rows.filter((e) => !removedStaff.has(e.Personeelsnummer!)).concat(newEmployees);
  contracts.rows = contracts.rows
    .filter((c) => !removedStaff.has(c.Personeelsnummer!) && !withdrawn.has(c))
    .concat(newContracts);

  const studentSummary = { classChanged: 0, schoolChanged: 0, left: 0, joined: 0 };
  if (students && studentTarget > 0) {
    const removed = new Set<string>();
    const added: Row[] = [];
    const joinersS = Math.round(studentTarget * 0.2);
    const existingS = studentTarget - joinersS;
    let maxStudent = studentRows.reduce((max, s) => Math.max(max, Number(s.Leerlingnummer) || 0), 0);
    // Students with one row only: a student with two enrolments is left alone.
    const rowsPer = new Map<string, number>();
    for (const s of studentRows) rowsPer.set(s.Leerlingnummer!, (rowsPer.get(s.Leerlingnummer!) ?? 0) + 1);
    const single = studentRows.filter((s) => rowsPer.get(s.Leerlingnummer!) === 1);
    const kindOf = (name: string) => name.split(" ")[0];
    const sameKind = (s: Row) =>
      schools.filter((d) => d.Afdelingscode !== s.Schoolcode && kindOf(d.Naam!) === kindOf(s.Schoolnaam!));
    for (const [n, index] of sample(r, single.length, existingS).entries()) {
      const s = single[index]!;
      const share = n / Math.max(1, existingS);
      if (share < 0.5) {
        const klas = s.Klas!;
        const last = klas.charCodeAt(klas.length - 1);
        s.Klas = `${klas.slice(0, -1)}${String.fromCharCode(last === 65 ? 66 : last - 1)}`;
        studentSummary.classChanged++;
        note("students.classChanged", s.Leerlingnummer!);
      } else if (share < 0.75 && sameKind(s).length > 0) {
        // Moves to another school of the same kind (OBS, SBO or Rivierland College).
        const school = r.pick(sameKind(s));
        s.Schoolcode = school.Afdelingscode!;
        s.Schoolnaam = school.Naam!;
        s.Startdatum = addDays(ref, r.int(1, 14));
        studentSummary.schoolChanged++;
        note("students.schoolChanged", s.Leerlingnummer!);
      } else {
        removed.add(s.Leerlingnummer!);
        studentSummary.left++;
        note("students.left", s.Leerlingnummer!);
      }
    }
    const year = schoolYearOf(ref);
    for (let j = 0; j < joinersS; j++) {
      const template = r.pick(single);
      const [prefix, family] = r.pick(FAMILY);
      const g = Number(template.Leerjaar) + (template.Klas!.match(/^[A-Z]/) ? 8 : 0);
      const id = String(++maxStudent);
      added.push({
        ...template,
        Leerlingnummer: id,
        Roepnaam: r.pick(r.chance(0.5) ? CHILD_FEMALE : CHILD_MALE),
        Tussenvoegsel: prefix,
        Achternaam: family,
        Geboortedatum: org.birthDate(family, `${year - g - 4}-10-01`, `${year - g - 3}-09-30`),
        Startdatum: addDays(ref, r.int(1, 14)),
        Einddatum: "",
      });
      studentSummary.joined++;
      note("students.joined", id);
    }
    students.rows = studentRows.filter((s) => !removed.has(s.Leerlingnummer!)).concat(added);
  }

  await Promise.all([
    writeCsv(paths.employees, employees),
    writeCsv(paths.contracts, contracts),
    students ? writeCsv(paths.students, students) : Promise.resolve(),
  ]);
  const personsAfter = employees.rows.length + (students ? new Set(students.rows.map((s) => s.Leerlingnummer)).size : 0);
  const changedPersons = Object.values(externalIds).reduce((sum, ids) => sum + ids.length, 0);
  return {
    dir,
    percent,
    personsBefore,
    personsAfter,
    changedPersons,
    staff,
    students: studentSummary,
    externalIds,
    milliseconds: Math.round(performance.now() - started),
  };
}

/* ------------------------------------------------------------------ CLI */

function argument(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

async function cli(args: string[]): Promise<void> {
  const number = (name: string) => {
    const value = argument(args, name);
    if (value === undefined) return undefined;
    const parsed = Number(value);
    if (!Number.isFinite(parsed)) throw new Error(`${name} needs a number, got ${value}`);
    return parsed;
  };
  const seed = number("--seed");
  const referenceDate = argument(args, "--reference-date");
  const changesDir = argument(args, "--apply-changes");
  if (changesDir) {
    const summary = await applyChanges(changesDir, { percent: number("--percent") ?? 1, seed, referenceDate });
    const { externalIds: _ids, ...printable } = summary;
    console.log(JSON.stringify(printable, null, 2));
    return;
  }
  const outDir = argument(args, "--out");
  if (!outDir || args.includes("--help")) {
    console.log(
      [
        "usage: generate-organisation.ts --out DIR [--persons N | --staff N --schools N --students-per-school N]",
        "                                [--seed N] [--reference-date YYYY-MM-DD]",
        "       generate-organisation.ts --apply-changes DIR [--percent 1] [--seed N] [--reference-date YYYY-MM-DD]",
        "Without sizes: the reference customer (2,100 staff, 36 schools, 445 students per school).",
      ].join("\n"),
    );
    process.exitCode = outDir ? 0 : 1;
    return;
  }
  const persons = number("--persons");
  const shape = persons !== undefined ? shapeForPersons(persons) : undefined;
  const summary = await generateOrganisation({
    outDir,
    staff: number("--staff") ?? shape?.staff ?? REFERENCE_CUSTOMER.staff,
    schools: number("--schools") ?? shape?.schools ?? REFERENCE_CUSTOMER.schools,
    students: shape?.students,
    studentsPerSchool: number("--students-per-school") ?? REFERENCE_CUSTOMER.studentsPerSchool,
    seed,
    referenceDate,
  });
  console.log(JSON.stringify(summary, null, 2));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  cli(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
