import { ConnectorError } from "../connector-error.ts";
import { describeJsonValue, keyText, lookupPath, readPath } from "../http/json-path.ts";
import { secretQueryParams } from "../http/http-auth.ts";
import { redactUrl } from "../http/redact-url.ts";
import { parseSettings } from "../settings-validation.ts";
import type { ConnectorPhase, RawPerson, RawRecord, SourceFetchContext, SourceFetchResult } from "../types.ts";
import { WarningList } from "../warning-list.ts";
import { type JsonFetchEnvironment, fetchJsonRecords } from "./fetch-json-records.ts";
import { type HttpJsonSettings, type HttpJsonSettingsInput, httpJsonSettingsSchema } from "./http-json-settings.ts";

const CONTRACTS_FIELD = "Contracts";

/**
 * Reads persons (and contracts and departments when configured) from a REST API that answers
 * JSON. Every page of every endpoint is fetched before anything is returned; any failure throws
 * a ConnectorError and no partial data leaves this function.
 */
export async function fetchHttpJsonSource(settings: HttpJsonSettingsInput, context: SourceFetchContext = {}): Promise<SourceFetchResult> {
  const parsed = parseSettings(httpJsonSettingsSchema, settings, "HTTP JSON");
  const warnings = new WarningList();
  const budget = { remaining: parsed.limits.maxTotalBytes };
  const environment = (phase: ConnectorPhase): JsonFetchEnvironment => ({
    auth: parsed.auth,
    headers: parsed.headers,
    limits: parsed.limits,
    budget,
    signal: context.signal,
    fetch: context.fetch,
    onPage: (records) => context.onProgress?.({ phase, records }),
  });

  const rawPersons = await fetchJsonRecords(
    { url: parsed.url, recordsPath: parsed.recordsPath, pagination: parsed.pagination },
    environment("persons"),
  );

  let persons: RawPerson[] = rawPersons;
  const contracts = parsed.contracts;
  if (contracts.source === "person-field") {
    persons = rawPersons.map((person, index) => ({ ...person, [CONTRACTS_FIELD]: contractsInPerson(person, index, contracts.path, parsed) }));
  } else if (contracts.source === "endpoint") {
    const clash = rawPersons.findIndex((person) => Object.hasOwn(person, CONTRACTS_FIELD));
    if (clash !== -1) {
      throw new ConnectorError(
        "invalid_settings",
        `the person records of ${show(parsed, parsed.url)} already have a '${CONTRACTS_FIELD}' field (record ${clash}): ` +
          `use contracts source 'person-field' with path '${CONTRACTS_FIELD}', or fetch contracts from the endpoint without that field`,
      );
    }
    const contractRecords = await fetchJsonRecords(
      { url: contracts.url, recordsPath: contracts.recordsPath, pagination: contracts.pagination ?? parsed.pagination },
      environment("contracts"),
    );
    persons = joinContracts(rawPersons, contractRecords, contracts, show(parsed, contracts.url), warnings);
  }

  let departments: RawRecord[] = [];
  if (parsed.departments !== undefined) {
    const { url, recordsPath, pagination } = parsed.departments;
    departments = await fetchJsonRecords({ url, recordsPath, pagination: pagination ?? parsed.pagination }, environment("departments"));
  }
  return { data: { persons, departments }, warnings: warnings.toArray() };
}

function show(settings: HttpJsonSettings, url: string): string {
  return redactUrl(url, secretQueryParams(settings.auth));
}

/** Contracts nested in the person: missing or null is none; a single object (XML-minded APIs) is one. */
function contractsInPerson(person: RawRecord, index: number, path: string, settings: HttpJsonSettings): RawRecord[] {
  const lookup = lookupPath(person, path);
  if (!lookup.found || lookup.value === null) return [];
  const value = lookup.value;
  if (Array.isArray(value)) {
    const notRecord = value.findIndex((item) => item === null || typeof item !== "object" || Array.isArray(item));
    if (notRecord === -1) return value as RawRecord[];
  } else if (typeof value === "object") {
    return [value as RawRecord];
  }
  throw new ConnectorError(
    "records_path",
    `contracts path '${path}' of person record ${index} from ${show(settings, settings.url)} is ${describeJsonValue(value)}, ` +
      `not a list of contract records: check the contracts path`,
    { url: show(settings, settings.url) },
  );
}

function joinContracts(
  persons: RawRecord[],
  contracts: RawRecord[],
  settings: { personKey: string; joinKey: string },
  contractsUrl: string,
  warnings: WarningList,
): RawPerson[] {
  const joined = persons.map((person) => ({ ...person, [CONTRACTS_FIELD]: [] as RawRecord[] }));
  const byKey = new Map<string, RawRecord & { Contracts: RawRecord[] }>();
  joined.forEach((person, index) => {
    const key = keyText(readPath(person, settings.personKey));
    if (key === undefined) {
      warnings.add({
        code: "person_without_key",
        message: `person record ${index} has no value at '${settings.personKey}' (the personKey setting), so no contracts can be joined to it`,
      });
    } else if (byKey.has(key)) {
      warnings.add({
        code: "duplicate_person_key",
        message: `person records share the key '${key}' at '${settings.personKey}'; contracts are joined to the first of them`,
      });
    } else {
      byKey.set(key, person);
    }
  });
  contracts.forEach((contract, index) => {
    const key = keyText(readPath(contract, settings.joinKey));
    const person = key === undefined ? undefined : byKey.get(key);
    if (person !== undefined) {
      person.Contracts.push(contract);
      return;
    }
    warnings.add({
      code: "contract_without_person",
      message:
        key === undefined
          ? `contract record ${index} from ${contractsUrl} has no value at '${settings.joinKey}' (the joinKey setting); the contract is left out`
          : `contract record ${index} from ${contractsUrl}: no person with ${settings.personKey} '${key}'; the contract is left out`,
      url: contractsUrl,
    });
  });
  return joined;
}
