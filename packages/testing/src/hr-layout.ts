// The CSV layout the factories import by default: a Dutch payroll export with one row per
// contract, and an Aggregation value (birth date and family name) that tells one human in two
// systems. A test names only the columns it cares about; everything else has a default.

export const hrColumns = ["Id", "Roepnaam", "Achternaam", "Geboortedatum", "Contract", "Start", "Einde", "Fte", "Leidinggevende"] as const;
export const hrContractColumns = ["Contract", "Start", "Einde", "Fte", "Leidinggevende"];

/** Copies of source fields into a mapping tab: `{ "Name.NickName": "Roepnaam" }`, target to path. */
export const fieldCopies = (paths: Record<string, string>) => Object.fromEntries(Object.entries(paths).map(([target, path]) => [target, { type: "field", path }]));

export const hrMapping = {
  person: {
    ...fieldCopies({ ExternalId: "Id", "Name.NickName": "Roepnaam", "Name.FamilyName": "Achternaam" }),
    Aggregation: { type: "complex", script: "return `${source.Geboortedatum}|${source.Achternaam.toLowerCase().replace(/\\s+/g, '')}`;" },
  },
  contract: {
    ...fieldCopies({ ExternalId: "Contract", StartDate: "Start", EndDate: "Einde", "Manager.ExternalId": "Leidinggevende" }),
    "Details.Fte": { type: "complex", script: "return Number(sourceContract.Fte);" },
  },
};

export interface ContractSpec {
  externalId?: string;
  startDate?: string;
  endDate?: string;
  fte?: number;
  managerExternalId?: string;
}

export interface PersonSpec {
  externalId: string;
  givenName?: string;
  familyName?: string;
  birthDate?: string;
  /** One contract from 2020-01-01 unless given. */
  contracts?: ContractSpec[];
}

/** The rows (one per contract, no header) of persons in the default layout. */
export function hrRows(persons: PersonSpec[]): string[] {
  return persons.flatMap((person) => {
    const contracts = person.contracts?.length ? person.contracts : [{}];
    return contracts.map((contract, index) =>
      [
        person.externalId,
        person.givenName ?? `Given${person.externalId}`,
        person.familyName ?? `Family${person.externalId}`,
        person.birthDate ?? "1980-01-01",
        contract.externalId ?? `${person.externalId}-${index + 1}`,
        contract.startDate ?? "2020-01-01",
        contract.endDate ?? "",
        String(contract.fte ?? 1),
        contract.managerExternalId ?? "",
      ].join(";"),
    );
  });
}

/** A semicolon CSV of a header and rows; rows given as objects are laid out by the header. */
export function csvOf(columns: readonly string[], rows: Array<string | Record<string, string | number | undefined>>): string {
  const lines = rows.map((row) => (typeof row === "string" ? row : columns.map((column) => String(row[column] ?? "")).join(";")));
  return [columns.join(";"), ...lines].join("\n") + "\n";
}
