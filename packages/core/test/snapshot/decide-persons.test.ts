import { describe, expect, it } from "vitest";
import { decidePersons, personsJoinedBy, type SourceRecord } from "../../src/snapshot/index.ts";
import { DEFAULT_MANAGER_OPTIONS } from "../../src/persons/manager.ts";
import { DEFAULT_PRIMARY_CONTRACT_CRITERIA } from "../../src/persons/primary-contract.ts";
import type { Person } from "../../src/persons/person-model.ts";

let counter = 0;
const options = { today: "2026-11-22", primaryContractCriteria: DEFAULT_PRIMARY_CONTRACT_CRITERIA, managerOptions: DEFAULT_MANAGER_OPTIONS, newId: () => `new-${++counter}` };
const departments = new Map([
  ["SCH1", { ManagerExternalId: "1001", ParentExternalId: "BOARD" }],
  ["BOARD", { ManagerExternalId: "1000", ParentExternalId: null }],
]);

const person = (externalId: string, extra: Partial<Person> = {}): Person =>
  ({ ExternalId: externalId, Name: { GivenName: "Jan", NickName: "Jan", FamilyNamePrefix: "de", FamilyName: "Vries", Convention: "B" }, Contracts: [], ...extra }) as Person;
const record = (sourceSystemId: string, mapped: Person | null, extra: Partial<SourceRecord> = {}): SourceRecord => ({
  id: `${sourceSystemId}:${mapped?.ExternalId ?? "x"}`,
  aggregation: mapped?.Aggregation ?? null,
  sourceSystemId,
  sourceKey: mapped?.ExternalId ?? "x",
  mapped,
  delivered: true,
  personId: null,
  ...extra,
});

describe("decidePersons", () => {
  it("derives display name, primary contract, status and manager for a new person", () => {
    const [jan] = decidePersons(
      [record("hr", person("2001", {
        Contracts: [
          { ExternalId: "C1", StartDate: "2020-01-01", EndDate: null, Details: { Fte: 0.4 }, Department: { ExternalId: "SCH1" } },
          { ExternalId: "C2", StartDate: "2021-01-01", EndDate: null, Details: { Fte: 0.6 }, Department: { ExternalId: "BOARD" } },
        ],
      } as Partial<Person>))],
      [],
      departments,
      options,
    );
    expect(jan).toMatchObject({ isNew: true, externalId: "2001", displayName: "Jan de Vries", status: "active", primaryContractId: "C2", departmentId: "BOARD", managerExternalId: "1000" });
    expect(jan!.data.PrimaryContract).toEqual({ ExternalId: "C2" });
  });

  it("keeps records of two sources with the same ExternalId apart: each person has only its own contracts", () => {
    const decided = decidePersons(
      [
        record("hr", person("2001", { Aggregation: "1980-05-17|devries", Contracts: [{ ExternalId: "C1", StartDate: "2020-01-01", Details: { Fte: 1 } }] } as Partial<Person>)),
        record("students", person("2001", { Aggregation: "1999-09-09|jansen", Name: { GivenName: "Sanne", FamilyName: "Jansen" }, Contracts: [{ ExternalId: "C1", StartDate: "2024-08-26" }] } as Partial<Person>)),
      ],
      [],
      departments,
      options,
    );
    expect(decided.map((entry) => [entry.externalId, entry.displayName, entry.sourceSystemIds, entry.data.Contracts.map((contract) => `${contract.ExternalId}@${contract.StartDate}`)])).toEqual([
      ["2001", "Jan de Vries", ["hr"], ["C1@2020-01-01"]],
      ["2001-2", "Sanne Jansen", ["students"], ["C1@2024-08-26"]],
    ]);
  });

  it("does not join a new record to another source's person with its ExternalId in an incremental snapshot either", () => {
    const students = record("students", person("2001", { Aggregation: "1999-09-09|jansen" } as Partial<Person>));
    const lookup = { externalIds: new Map([["2001", "p1"]]), sourceSystems: new Map([["p1", ["hr"]]]), aggregation: [] };
    expect(personsJoinedBy([students], { ...options, lookup })).toEqual([]);
    const sameSource = record("hr", person("2001"), { id: "hr:other", sourceKey: "2001b" });
    expect(personsJoinedBy([sameSource], { ...options, lookup })).toEqual(["p1"]);
  });

  it("joins two sources on an exact Aggregation match, and keeps both sources' contracts with the same ExternalId", () => {
    const decided = decidePersons(
      [
        record("hr", person("2001", { Aggregation: "1980-05-17|devries", Contracts: [{ ExternalId: "C1", StartDate: "2020-01-01", Details: { Fte: 1 } }] } as Partial<Person>)),
        record("students", person("S-9", { Aggregation: "1980-05-17|devries", Name: { GivenName: "Other" }, Contracts: [{ ExternalId: "C1", StartDate: "2024-08-26" }, { ExternalId: "S1", StartDate: "2020-01-01" }] } as Partial<Person>)),
      ],
      [],
      departments,
      options,
    );
    expect(decided).toHaveLength(1);
    expect(decided[0]!.data.Contracts.map((contract) => `${contract.ExternalId}@${contract.StartDate}`)).toEqual(["C1@2020-01-01", "C1-2@2024-08-26", "S1@2020-01-01"]);
    // The source holding the primary contract (Fte 1) provides the person fields.
    expect(decided[0]!.displayName).toBe("Jan de Vries");
    expect(decided[0]!.sourceSystemIds).toEqual(["hr", "students"]);
  });

  it("dates a former person from their last contract's end, else from when they were no longer delivered", () => {
    const ended = person("E", { Contracts: [{ ExternalId: "C", StartDate: "2020-01-01", EndDate: "2026-06-30" }, { ExternalId: "D", StartDate: "2020-01-01", EndDate: "2025-01-31" }] } as Partial<Person>);
    const open = person("O", { Contracts: [{ ExternalId: "C", StartDate: "2020-01-01" }] } as Partial<Person>);
    const decided = decidePersons(
      [record("hr", ended, { delivered: false, personId: "e" }), record("hr", open, { delivered: false, personId: "o" }), record("hr", open, { delivered: false, personId: "s", id: "s" })],
      [
        { id: "e", externalId: "E", data: ended },
        { id: "o", externalId: "O", data: open },
        { id: "s", externalId: "S", data: open, formerSince: "2026-10-01" },
      ],
      departments,
      options,
    );
    expect(decided.map((entry) => [entry.externalId, entry.status, entry.formerSince, entry.delivered])).toEqual([
      ["E", "former", "2026-06-30", false],
      ["O", "former", options.today, false],
      ["S", "former", "2026-10-01", false],
    ]);
  });

  it("keeps a person no longer delivered as former, with their last data", () => {
    const previous = { id: "p1", externalId: "2001", data: person("2001", { DisplayName: "Jan de Vries", Contracts: [{ ExternalId: "C1", StartDate: "2020-01-01" }] } as Partial<Person>) };
    const [former] = decidePersons([record("hr", previous.data, { delivered: false, personId: "p1" })], [previous], departments, options);
    expect(former).toMatchObject({ personId: "p1", status: "former", displayName: "Jan de Vries" });
    expect(former!.sourceSystemIds).toEqual([]);
  });

  it("makes a person with only a future contract future, and one with only expired contracts former", () => {
    const decided = decidePersons(
      [
        record("hr", person("F", { Contracts: [{ ExternalId: "C", StartDate: "2026-12-01" }] } as Partial<Person>)),
        record("hr", person("E", { Contracts: [{ ExternalId: "D", StartDate: "2020-01-01", EndDate: "2025-07-31" }] } as Partial<Person>)),
      ],
      [],
      departments,
      options,
    );
    expect(Object.fromEntries(decided.map((entry) => [entry.externalId, entry.status]))).toEqual({ F: "future", E: "former" });
  });

  it("skips a source record that was blocked before it was ever mapped", () => {
    expect(decidePersons([record("hr", null, { sourceKey: "9" })], [], departments, options)).toEqual([]);
  });

  it("merges a record of another system automatically on an exact, single aggregation match", () => {
    const existing = { id: "p1", externalId: "2001", data: person("2001") };
    const decided = decidePersons(
      [
        record("hr", person("2001", { Aggregation: "1980-05-17|devries|jan" } as Partial<Person>), { personId: "p1" }),
        record("students", person("S-77", { Aggregation: "1980-05-17|devries|jan" } as Partial<Person>)),
      ],
      [existing],
      departments,
      options,
    );
    expect(decided).toHaveLength(1);
    expect(decided[0]!.sources.map((source) => source.sourceSystemId)).toEqual(["hr", "students"]);
  });

  it("holds a close but uncertain match back as a new person with a merge suggestion", () => {
    const existing = { id: "p1", externalId: "2001", data: person("2001") };
    const decided = decidePersons(
      [
        record("hr", person("2001", { Aggregation: "1980-05-17|devries|jan" } as Partial<Person>), { personId: "p1" }),
        record("students", person("S-77", { Aggregation: "1980-05-17|devriez|jan" } as Partial<Person>)),
      ],
      [existing],
      departments,
      options,
    );
    const pending = decided.find((entry) => entry.externalId === "S-77")!;
    expect(pending.isNew).toBe(true);
    expect(pending.pendingMerge).toEqual([{ personId: "p1", score: expect.any(Number) }]);
    expect(pending.pendingMerge![0]!.score).toBeGreaterThanOrEqual(90);
    expect(pending.pendingMerge![0]!.score).toBeLessThan(100);
  });

  it("never joins a record to a person it was separated from (unmerge, rejected suggestion)", () => {
    const existing = { id: "p1", externalId: "2001", data: person("2001") };
    const students = record("students", person("2001", { Aggregation: "1980-05-17|devries|jan" } as Partial<Person>));
    const decided = decidePersons(
      [record("hr", person("2001", { Aggregation: "1980-05-17|devries|jan" } as Partial<Person>), { personId: "p1" }), students],
      [existing],
      departments,
      { ...options, separated: new Map([[students.id, new Set(["p1"])]]) },
    );
    expect(decided).toHaveLength(2);
    expect(decided.find((entry) => entry.isNew)!.externalId).toBe("2001-2");
  });
});
