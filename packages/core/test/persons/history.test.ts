import { describe, expect, it } from "vitest";
import { diffPerson, type Contract, type Person } from "../../src/index.ts";

const teaching: Contract = {
  ExternalId: "C-123",
  StartDate: "2020-08-01",
  EndDate: "2025-07-31",
  Title: { Code: "LKR", Name: "Leraar" },
  Details: { Fte: 0.8 },
};

const jan: Person = {
  ExternalId: "1001",
  DisplayName: "Jan de Vries",
  Name: { GivenName: "Jan", FamilyNamePrefix: "de", FamilyName: "Vries", Convention: "B" },
  Contact: { Business: { Email: "jan.devries@school.nl" } },
  Contracts: [teaching],
};

describe("diffPerson", () => {
  it("finds nothing between equal persons or two absent ones", () => {
    expect(diffPerson(jan, structuredClone(jan))).toEqual([]);
    expect(diffPerson(undefined, undefined)).toEqual([]);
  });

  it("reports a name change as changed fields with dotted paths", () => {
    const married: Person = {
      ...jan,
      DisplayName: "Jan de Vries - Bakker",
      Name: { ...jan.Name, FamilyNamePartner: "Bakker", Convention: "BP" },
    };
    expect(diffPerson(jan, married)).toEqual([
      { field: "DisplayName", kind: "changed", oldValue: "Jan de Vries", newValue: "Jan de Vries - Bakker" },
      { field: "Name.FamilyNamePartner", kind: "added", oldValue: null, newValue: "Bakker" },
      { field: "Name.Convention", kind: "changed", oldValue: "B", newValue: "BP" },
    ]);
  });

  it("reports removed fields, with null as the new value", () => {
    const withoutEmail: Person = { ...jan, Contact: { Business: { Email: null } } };
    expect(diffPerson(jan, withoutEmail)).toEqual([
      { field: "Contact.Business.Email", kind: "removed", oldValue: "jan.devries@school.nl", newValue: null },
    ]);
  });

  it("sees no change between undefined, null, empty text and a missing object", () => {
    const before: Person = { ExternalId: "1", Username: null, Name: { GivenName: "" }, Contracts: [] };
    const after: Person = { ExternalId: "1", Contact: { Business: { Email: undefined } }, Contracts: [] };
    expect(diffPerson(before, after)).toEqual([]);
  });

  it("keeps false and 0, which are values", () => {
    const before: Person = { ExternalId: "1", Contracts: [] };
    const after: Person = { ExternalId: "1", Excluded: false, Custom: { Floor: 0 }, Contracts: [] };
    expect(diffPerson(before, after)).toEqual([
      { field: "Excluded", kind: "added", oldValue: null, newValue: false },
      { field: "Custom.Floor", kind: "added", oldValue: null, newValue: 0 },
    ]);
  });

  it("reports a type change in a custom field", () => {
    const before: Person = { ExternalId: "1", Custom: { Room: 12 }, Contracts: [] };
    const after: Person = { ExternalId: "1", Custom: { Room: "12" }, Contracts: [] };
    expect(diffPerson(before, after)).toEqual([{ field: "Custom.Room", kind: "changed", oldValue: 12, newValue: "12" }]);
  });

  it("reports an added or removed contract as one change carrying the contract", () => {
    const second: Contract = { ExternalId: "C-200", StartDate: "2025-08-01", Title: { Name: "Mentor" } };
    expect(diffPerson(jan, { ...jan, Contracts: [teaching, second] })).toEqual([
      { field: "Contracts[C-200]", kind: "added", oldValue: null, newValue: second },
    ]);
    expect(diffPerson(jan, { ...jan, Contracts: [] })).toEqual([
      { field: "Contracts[C-123]", kind: "removed", oldValue: teaching, newValue: null },
    ]);
  });

  it("reports field changes inside a contract that stays", () => {
    const extended: Contract = { ...teaching, EndDate: null, Title: { Code: "LKR", Name: "Leraar LB" } };
    expect(diffPerson(jan, { ...jan, Contracts: [extended] })).toEqual([
      { field: "Contracts[C-123].EndDate", kind: "removed", oldValue: "2025-07-31", newValue: null },
      { field: "Contracts[C-123].Title.Name", kind: "changed", oldValue: "Leraar", newValue: "Leraar LB" },
    ]);
  });

  it("matches contracts by ExternalId, not by position", () => {
    const other: Contract = { ExternalId: "C-001", Details: { Fte: 0.2 } };
    expect(diffPerson({ ...jan, Contracts: [teaching, other] }, { ...jan, Contracts: [other, teaching] })).toEqual([]);
  });

  it("lists every field of a new person as added and of a gone person as removed", () => {
    const added = diffPerson(undefined, jan);
    expect(added.map((change) => `${change.kind} ${change.field}`)).toEqual([
      "added ExternalId",
      "added DisplayName",
      "added Name.GivenName",
      "added Name.FamilyName",
      "added Name.FamilyNamePrefix",
      "added Name.Convention",
      "added Contact.Business.Email",
      "added Contracts[C-123]",
    ]);
    expect(diffPerson(jan, undefined).every((change) => change.kind === "removed" && change.newValue === null)).toBe(true);
    expect(diffPerson(jan, undefined)).toHaveLength(added.length);
  });

  it("orders person fields by the model, custom fields after them, then contracts by ExternalId", () => {
    const before: Person = { ExternalId: "1", Contracts: [] };
    const after: Person = {
      Contracts: [{ ExternalId: "B" }, { ExternalId: "A" }],
      Custom: { Zeta: "z", Alpha: "a" },
      Location: { Name: "Zeist" },
      Name: { FamilyName: "Visser", GivenName: "Eva" },
      ExternalId: "1",
    };
    expect(diffPerson(before, after).map((change) => change.field)).toEqual([
      "Name.GivenName",
      "Name.FamilyName",
      "Location.Name",
      "Custom.Alpha",
      "Custom.Zeta",
      "Contracts[A]",
      "Contracts[B]",
    ]);
  });

  it("orders contract fields by the model", () => {
    const before: Contract = { ExternalId: "C", Manager: { ExternalId: "m1" }, StartDate: "2020-01-01", Custom: { Grade: "L10" } };
    const after: Contract = { ExternalId: "C", Custom: { Grade: "L11" }, Manager: { ExternalId: "m2" }, StartDate: "2021-01-01" };
    const changes = diffPerson({ ExternalId: "1", Contracts: [before] }, { ExternalId: "1", Contracts: [after] });
    expect(changes.map((change) => change.field)).toEqual([
      "Contracts[C].StartDate",
      "Contracts[C].Manager.ExternalId",
      "Contracts[C].Custom.Grade",
    ]);
  });

  it("tolerates persons handed in without Contracts", () => {
    expect(diffPerson({ ExternalId: "1" }, { ExternalId: "1", Contracts: null })).toEqual([]);
  });
});
