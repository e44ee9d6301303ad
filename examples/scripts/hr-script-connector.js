/*
 * Example script connector: the HR system of Stichting Openbaar Onderwijs Rivierland behind a
 * fictional AFAS-like REST API (GetConnectors, paged with skip/take, Dutch field names).
 *
 * It returns the same raw shape as the Visma Raet CSV export in examples/hr/, so one mapping
 * (examples/mappings/hr-visma-raet.json) serves both sources and a test can check that the CSV
 * connector and this script give the same persons:
 *   persons:     employees.csv rows, each with `Contracts` = its contracts.csv rows
 *   departments: departments.csv rows
 * Every value is a string, exactly as the CSV has it (empty cell = ""). Numbers are written
 * back with a decimal comma ("0,8000", "32,00") and dates as YYYY-MM-DD.
 *
 * Runs in the sandbox: modern JavaScript, no require/import, no fetch, Buffer, URL or timers.
 * What the platform passes in:
 *   config    the source system's settings: { baseUrl, pageSize? }
 *   secrets   the secret settings: { token } (the base64 AfasToken). The script only ever sees a
 *             placeholder; the platform puts the value in when a request goes to an allowed host
 *   http      http.get(url, { headers, query }) -> { status, json() }
 *   log       log(...values): a line in the import's log (console.log does the same)
 *   progress  progress({ fetched }): records fetched so far, shown live on the import
 * examples/scripts/serve-fake-hr-api.ts serves examples/scripts/fake-hr-api.json as this API.
 */

const CONNECTORS = {
  employees: 'SOOR_Medewerkers',
  contracts: 'SOOR_Dienstverbanden',
  departments: 'SOOR_Organisatorische_eenheden',
};

// AFAS "Naamgebruik" codes -> the B / P / BP / PB convention of the CSV export.
const NAME_CONVENTION = { 0: 'B', 1: 'PB', 2: 'P', 3: 'BP' };
// AFAS "Soort dienstverband" -> ContractType of the CSV export.
const CONTRACT_TYPE = { V: 'Vast', T: 'Tijdelijk', I: 'Invalkracht' };

const MAX_PAGES = 10000;

const text = (value) => (value === null || value === undefined ? '' : String(value).trim());
/** "2026-12-01T00:00:00Z" -> "2026-12-01"; the API sends dates as midnight UTC. */
const day = (value) => (value ? String(value).slice(0, 10) : '');
/** 0.8 -> "0,8000": the CSV writes decimals with a comma and a fixed number of digits. */
const decimal = (value, digits) =>
  value === null || value === undefined || value === '' ? '' : Number(value).toFixed(digits).replace('.', ',');

async function main({ config, secrets, http, log, progress }) {
  const warn = (message) => log(`warning: ${message}`);
  let fetched = 0;
  if (!config?.baseUrl) throw new Error('config.baseUrl is not set (for example https://hr.example/profitrestservices)');
  if (!secrets?.token) throw new Error("secrets.token is not set (the AfasToken, base64); add it to the source system's secrets");
  const baseUrl = String(config.baseUrl).replace(/\/+$/, '');
  const pageSize = Number(config.pageSize ?? 25);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) {
    throw new Error(`config.pageSize must be a whole number from 1 to 1000, got ${config.pageSize}`);
  }
  // secrets.token is a placeholder: the platform puts the token in when the request is sent.
  const headers = { Authorization: `AfasToken ${secrets.token}`, Accept: 'application/json' };

  /** All rows of one GetConnector, page by page, until a page comes back short. */
  async function fetchAll(connector) {
    const rows = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      const skip = page * pageSize;
      const response = await http.get(`${baseUrl}/connectors/${connector}`, {
        headers,
        query: { skip: String(skip), take: String(pageSize) },
      });
      if (response.status === 401 || response.status === 403) {
        throw new Error(`${connector}: the API refused the token (HTTP ${response.status}); check secrets.token`);
      }
      if (response.status !== 200) throw new Error(`${connector}: HTTP ${response.status} at skip=${skip}`);
      const body = await response.json();
      if (!body || !Array.isArray(body.rows)) {
        throw new Error(`${connector}: expected a JSON object with a "rows" list at skip=${skip}`);
      }
      // An API that ignores skip would return page one forever; stop instead of looping.
      if (page > 0 && body.rows.length > 0 && rows.length >= pageSize &&
          JSON.stringify(body.rows[0]) === JSON.stringify(rows[rows.length - pageSize])) {
        throw new Error(`${connector}: the API returned the same page twice; does it support skip/take?`);
      }
      rows.push(...body.rows);
      fetched += body.rows.length;
      progress({ fetched });
      if (body.rows.length < pageSize) return rows;
    }
    throw new Error(`${connector}: more than ${MAX_PAGES} pages; raise pageSize`);
  }

  const employees = await fetchAll(CONNECTORS.employees);
  const contracts = await fetchAll(CONNECTORS.contracts);
  const units = await fetchAll(CONNECTORS.departments);
  log(`fetched ${employees.length} employees, ${contracts.length} contracts, ${units.length} departments`);

  const persons = [];
  const byNumber = new Map();
  for (const row of employees) {
    const number = text(row.Medewerker);
    if (number === '') {
      warn('skipped an employee without Medewerker number');
      continue;
    }
    const convention = NAME_CONVENTION[text(row.Naamgebruik)];
    if (convention === undefined) warn(`employee ${number}: unknown Naamgebruik "${text(row.Naamgebruik)}"`);
    const person = {
      Personeelsnummer: number,
      Roepnaam: text(row.Roepnaam),
      Voornamen: text(row.Voornamen),
      Voorletters: text(row.Voorletters),
      Voorvoegsel: text(row.Voorvoegsel),
      Achternaam: text(row.Achternaam),
      VoorvoegselPartner: text(row.Voorv_geb_naam_partner),
      AchternaamPartner: text(row.Geb_naam_partner),
      Naamgebruik: convention ?? '',
      // AFAS says O (onbekend) where the payroll export says X.
      Geslacht: text(row.Geslacht) === 'O' ? 'X' : text(row.Geslacht),
      Geboortedatum: day(row.Geboortedatum),
      Email: text(row.Email_werk),
      EmailPrive: text(row.Email_prive),
      Mobiel: text(row.Mobiel_prive),
      Straat: text(row.Straat),
      Huisnummer: `${text(row.Huisnummer)}${text(row.Toev_huisnummer)}`,
      Postcode: text(row.Postcode),
      Woonplaats: text(row.Woonplaats),
      Contracts: [],
    };
    persons.push(person);
    byNumber.set(number, person);
  }

  for (const row of contracts) {
    const person = byNumber.get(text(row.Medewerker));
    if (!person) {
      warn(`contract ${text(row.Dienstverband)} belongs to unknown employee ${text(row.Medewerker)}; skipped`);
      continue;
    }
    person.Contracts.push({
      Contractnummer: text(row.Dienstverband),
      Personeelsnummer: text(row.Medewerker),
      Startdatum: day(row.Begindatum),
      Einddatum: day(row.Einddatum),
      Fte: decimal(row.Fte, 4),
      UrenPerWeek: decimal(row.Uren_per_week, 2),
      Volgnummer: text(row.Volgnummer),
      Functiecode: text(row.Functie),
      Functie: text(row.Functie_omschrijving),
      Afdelingscode: text(row.Organisatorische_eenheid),
      Afdelingsnaam: text(row.Organisatorische_eenheid_omschrijving),
      Schoolcode: text(row.Standplaats),
      Schoolnaam: text(row.Standplaats_omschrijving),
      Kostenplaats: text(row.Kostenplaats),
      Leidinggevende: text(row.Leidinggevende),
      ContractType: CONTRACT_TYPE[text(row.Soort_dienstverband)] ?? text(row.Soort_dienstverband),
    });
  }
  // The API lists contracts by start date; the CSV lists them per employee by Volgnummer.
  for (const person of persons) {
    person.Contracts.sort((a, b) => Number(a.Volgnummer) - Number(b.Volgnummer));
  }

  const departments = units
    .filter((row) => row.Geblokkeerd !== true)
    .map((row) => ({
      Afdelingscode: text(row.Organisatorische_eenheid),
      Naam: text(row.Omschrijving),
      Manager: text(row.Manager),
      BovenliggendeAfdeling: text(row.Bovenliggende_eenheid),
      Kostenplaats: text(row.Kostenplaats),
    }));

  return { persons, departments };
}
