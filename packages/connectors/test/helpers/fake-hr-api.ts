/** Seven employees the way a REST HR API (AFAS / Visma style) might answer them. */
export const EMPLOYEES = [
  { id: 1001, roepnaam: "Anouk", achternaam: "Jansen", contracten: [{ nummer: "1001-1", functie: "Leerkracht" }] },
  { id: 1002, roepnaam: "Daniël", achternaam: "van Bergen", contracten: [{ nummer: "1002-1", functie: "Directeur" }] },
  { id: 1003, roepnaam: "Zoë", achternaam: "de Groot", contracten: [] },
  { id: 1004, roepnaam: "Noël", achternaam: "Müller", contracten: [{ nummer: "1004-1", functie: "Conciërge" }, { nummer: "1004-2", functie: "Invalkracht" }] },
  { id: 1005, roepnaam: "Fatima", achternaam: "El Amrani", contracten: { nummer: "1005-1", functie: "IB'er" } },
  { id: 1006, roepnaam: "Sem", achternaam: "de Vries", contracten: null },
  { id: 1007, roepnaam: "Chloë", achternaam: "Bakker", contracten: [{ nummer: "1007-1", functie: "Leerkracht" }] },
];

export const EMPLOYEE_IDS = EMPLOYEES.map((employee) => employee.id);

/** Contracts from a separate endpoint, joined on medewerkerId; 1099 has no person. */
export const CONTRACTS = [
  { contractId: "C1", medewerkerId: "1001", functie: "Leerkracht", afdeling: "BRIN01" },
  { contractId: "C2", medewerkerId: "1004", functie: "Conciërge", afdeling: "BRIN01" },
  { contractId: "C3", medewerkerId: "1099", functie: "Stagiair", afdeling: "BRIN02" },
  { contractId: "C4", medewerkerId: "1001", functie: "Intern begeleider", afdeling: "BRIN02" },
];

export const DEPARTMENTS = [
  { code: "BESTUUR", naam: "Stichting Openbaar Onderwijs Zuid", parent: null, manager: 1002 },
  { code: "BRIN01", naam: "OBS De Kraanvogel", parent: "BESTUUR", manager: 1005 },
  { code: "BRIN02", naam: "OBS Het Kompas", parent: "BESTUUR", manager: 1002 },
];

export function slice<T>(items: T[], offset: number, limit: number): T[] {
  return items.slice(Math.max(0, offset), Math.max(0, offset) + Math.max(0, limit));
}
