import { afterEach, describe, expect, it } from "vitest";
import { type ConnectorProgress, fetchHttpJsonSource } from "../src/index.ts";
import { connectorErrorOf } from "./helpers/expect-connector-error.ts";
import { CONTRACTS, DEPARTMENTS, EMPLOYEES, slice } from "./helpers/fake-hr-api.ts";
import { type TestServer, sendJson, startTestServer } from "./helpers/test-server.ts";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Persons without nested contracts, contracts and departments on their own endpoints. */
async function startHrApi(): Promise<TestServer> {
  const persons = EMPLOYEES.map(({ contracten: _nested, ...person }) => person);
  return startTestServer((_request, response, url) => {
    const page = Number(url.searchParams.get("page") ?? "1");
    if (url.pathname === "/api/medewerkers") sendJson(response, { items: slice(persons, (page - 1) * 5, 5) });
    else if (url.pathname === "/api/contracten") sendJson(response, { items: slice(CONTRACTS, (page - 1) * 5, 5) });
    else if (url.pathname === "/api/afdelingen") sendJson(response, { data: DEPARTMENTS });
    else sendJson(response, { error: "not found" }, 404);
  });
}

describe("HTTP JSON contracts and departments", () => {
  it("takes contracts from a field of each person: missing or null is none, a single object is one", async () => {
    server = await startTestServer((_request, response) => sendJson(response, EMPLOYEES));
    const result = await fetchHttpJsonSource({ url: `${server.origin}/api/medewerkers`, contracts: { source: "person-field", path: "contracten" } });
    const contractsById = Object.fromEntries(result.data.persons.map((person) => [person.id, person.Contracts]));
    expect(contractsById[1004]).toEqual([
      { nummer: "1004-1", functie: "Conciërge" },
      { nummer: "1004-2", functie: "Invalkracht" },
    ]);
    expect(contractsById[1003]).toEqual([]);
    expect(contractsById[1005]).toEqual([{ nummer: "1005-1", functie: "IB'er" }]);
    expect(contractsById[1006]).toEqual([]);
    // The raw record itself stays as delivered.
    expect(result.data.persons[4]?.contracten).toEqual({ nummer: "1005-1", functie: "IB'er" });
  });

  it("refuses a contracts field that holds something else than records", async () => {
    server = await startTestServer((_request, response) => sendJson(response, [{ id: 1, contracten: "geen" }]));
    const error = await connectorErrorOf(
      fetchHttpJsonSource({ url: `${server.origin}/api/medewerkers`, contracts: { source: "person-field", path: "contracten" } }),
    );
    expect(error.message).toBe(
      `contracts path 'contracten' of person record 0 from ${server.origin}/api/medewerkers is a string, not a list of contract records: check the contracts path`,
    );
  });

  it("joins contracts from their own endpoint and reads departments, each with its own pagination", async () => {
    server = await startHrApi();
    const progress: ConnectorProgress[] = [];
    const result = await fetchHttpJsonSource(
      {
        url: `${server.origin}/api/medewerkers`,
        recordsPath: "items",
        pagination: { type: "page", size: 5 },
        contracts: { source: "endpoint", url: `${server.origin}/api/contracten`, recordsPath: "items", personKey: "id", joinKey: "medewerkerId" },
        departments: { url: `${server.origin}/api/afdelingen`, recordsPath: "data", pagination: { type: "none" } },
      },
      { onProgress: (update) => progress.push(update) },
    );
    const contractIds = Object.fromEntries(
      result.data.persons.map((person) => [person.id, person.Contracts?.map((contract) => contract.contractId)]),
    );
    expect(contractIds).toEqual({ 1001: ["C1", "C4"], 1002: [], 1003: [], 1004: ["C2"], 1005: [], 1006: [], 1007: [] });
    expect(result.data.departments).toEqual(DEPARTMENTS);
    expect(result.warnings).toEqual([
      {
        code: "contract_without_person",
        message: `contract record 2 from ${server.origin}/api/contracten: no person with id '1099'; the contract is left out`,
        url: `${server.origin}/api/contracten`,
      },
    ]);
    expect(progress).toEqual([
      { phase: "persons", records: 5 },
      { phase: "persons", records: 7 },
      { phase: "contracts", records: 4 },
      { phase: "departments", records: 3 },
    ]);
  });

  it("fails as a whole when the departments endpoint fails after persons and contracts succeeded", async () => {
    server = await startHrApi();
    const error = await connectorErrorOf(
      fetchHttpJsonSource({
        url: `${server.origin}/api/medewerkers`,
        recordsPath: "items",
        departments: { url: `${server.origin}/api/afdelingen-oud` },
      }),
    );
    expect(error.message).toBe(`GET ${server.origin}/api/afdelingen-oud answered 404 Not Found: {"error":"not found"}. Check the URL.`);
  });

  it("warns about persons that cannot be joined", async () => {
    server = await startTestServer((_request, response, url) => {
      if (url.pathname === "/p") sendJson(response, [{ id: 1 }, { naam: "zonder id" }, { id: "1" }]);
      else sendJson(response, [{ persoon: 1 }]);
    });
    const result = await fetchHttpJsonSource({
      url: `${server.origin}/p`,
      contracts: { source: "endpoint", url: `${server.origin}/c`, personKey: "id", joinKey: "persoon" },
    });
    expect(result.data.persons.map((person) => person.Contracts?.length)).toEqual([1, 0, 0]);
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      "person record 1 has no value at 'id' (the personKey setting), so no contracts can be joined to it",
      "person records share the key '1' at 'id'; contracts are joined to the first of them",
    ]);
  });
});
