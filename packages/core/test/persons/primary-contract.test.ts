import { describe, expect, it } from "vitest";
import {
  compareContracts,
  DEFAULT_PRIMARY_CONTRACT_CRITERIA,
  PrimaryContractCriteriaSchema,
  primaryContractChanges,
  rankContracts,
  selectPrimaryContract,
  type PrimaryContractCriterion,
  type RankableContract,
} from "../../src/index.ts";

const today = "2025-03-15";
const byDefault = DEFAULT_PRIMARY_CONTRACT_CRITERIA;

function contract(ExternalId: string, fields: Partial<RankableContract> & { Fte?: number | null; Sequence?: number } = {}): RankableContract {
  const { Fte, Sequence, ...rest } = fields;
  return { ExternalId, StartDate: "2020-01-01", EndDate: null, Details: { Fte, Sequence }, ...rest };
}

const ids = (contracts: RankableContract[]) => contracts.map((c) => c.ExternalId);

describe("default criteria", () => {
  it("are Fte, HoursPerWeek, Percentage, Sequence, EndDate descending, then StartDate ascending", () => {
    expect(byDefault.map((c) => `${c.field} ${c.direction}`)).toEqual([
      "Fte desc",
      "HoursPerWeek desc",
      "Percentage desc",
      "Sequence desc",
      "EndDate desc",
      "StartDate asc",
    ]);
    expect(PrimaryContractCriteriaSchema.safeParse(byDefault).success).toBe(true);
  });

  it("rejects a field listed twice or an unknown field", () => {
    const twice = [{ field: "Fte", direction: "desc" }, { field: "Fte", direction: "asc" }];
    expect(PrimaryContractCriteriaSchema.safeParse(twice).success).toBe(false);
    expect(PrimaryContractCriteriaSchema.safeParse([{ field: "Title", direction: "asc" }]).success).toBe(false);
  });
});

describe("selectPrimaryContract", () => {
  it("returns null without contracts", () => {
    expect(selectPrimaryContract([], byDefault, today)).toBeNull();
  });

  it("picks the largest Fte among active contracts", () => {
    const contracts = [contract("A", { Fte: 0.4 }), contract("B", { Fte: 0.6 }), contract("C", { Fte: 0.2 })];
    expect(selectPrimaryContract(contracts, byDefault, today)?.ExternalId).toBe("B");
  });

  it("prefers any active contract over a bigger future or expired one", () => {
    const contracts = [
      contract("FUTURE", { Fte: 1, StartDate: "2025-08-01" }),
      contract("EXPIRED", { Fte: 1, EndDate: "2025-01-31" }),
      contract("ACTIVE", { Fte: 0.1 }),
    ];
    expect(selectPrimaryContract(contracts, byDefault, today)?.ExternalId).toBe("ACTIVE");
  });

  it("takes the first future contract when none is active, else the first expired", () => {
    const future = [
      contract("F1", { Fte: 0.5, StartDate: "2025-09-01" }),
      contract("F2", { Fte: 0.8, StartDate: "2025-10-01" }),
      contract("E1", { Fte: 1, EndDate: "2024-12-31" }),
    ];
    expect(selectPrimaryContract(future, byDefault, today)?.ExternalId).toBe("F2");
    const expired = [contract("E1", { Fte: 0.5, EndDate: "2024-12-31" }), contract("E2", { Fte: 0.9, EndDate: "2023-12-31" })];
    expect(selectPrimaryContract(expired, byDefault, today)?.ExternalId).toBe("E2");
  });

  it("sorts missing numbers last in both directions", () => {
    const contracts = [contract("NONE", { Fte: null }), contract("SMALL", { Fte: 0.1 })];
    expect(selectPrimaryContract(contracts, [{ field: "Fte", direction: "desc" }], today)?.ExternalId).toBe("SMALL");
    expect(selectPrimaryContract(contracts, [{ field: "Fte", direction: "asc" }], today)?.ExternalId).toBe("SMALL");
    const noDetails = { ExternalId: "A0", StartDate: null, EndDate: null };
    expect(selectPrimaryContract([noDetails, contract("Z", { Fte: 0 })], byDefault, today)?.ExternalId).toBe("Z");
  });

  it("moves on to the next criterion on a tie", () => {
    const contracts = [contract("A", { Fte: 0.5, Sequence: 1 }), contract("B", { Fte: 0.5, Sequence: 2 })];
    expect(selectPrimaryContract(contracts, byDefault, today)?.ExternalId).toBe("B");
  });

  it("counts an open end as the latest end date", () => {
    const contracts = [
      contract("ENDS", { Fte: 0.5, EndDate: "2099-12-31" }),
      contract("OPEN", { Fte: 0.5, EndDate: null }),
    ];
    expect(selectPrimaryContract(contracts, byDefault, today)?.ExternalId).toBe("OPEN");
    const ascending: PrimaryContractCriterion[] = [{ field: "EndDate", direction: "asc" }];
    expect(selectPrimaryContract(contracts, ascending, today)?.ExternalId).toBe("ENDS");
  });

  it("prefers the earliest start, a missing start counting as earliest", () => {
    const contracts = [
      contract("LATE", { Fte: 0.5, StartDate: "2024-01-01" }),
      contract("EARLY", { Fte: 0.5, StartDate: "2019-01-01" }),
    ];
    expect(selectPrimaryContract(contracts, byDefault, today)?.ExternalId).toBe("EARLY");
    const unknownStart = [...contracts, contract("ALWAYS", { Fte: 0.5, StartDate: null })];
    expect(selectPrimaryContract(unknownStart, byDefault, today)?.ExternalId).toBe("ALWAYS");
  });

  it("breaks a full tie on ExternalId, whatever the input order", () => {
    const a = contract("C-2", { Fte: 1 });
    const b = contract("C-10", { Fte: 1 });
    expect(selectPrimaryContract([a, b], byDefault, today)?.ExternalId).toBe("C-10");
    expect(selectPrimaryContract([b, a], byDefault, today)?.ExternalId).toBe("C-10");
    expect(selectPrimaryContract([a, b], [], today)?.ExternalId).toBe("C-10");
  });

  it("returns the caller's own contract object", () => {
    const mine = { ...contract("X"), extra: "kept" };
    expect(selectPrimaryContract([mine], byDefault, today)).toBe(mine);
  });
});

describe("rankContracts and compareContracts", () => {
  it("ranks active, then future, then expired, each by the criteria", () => {
    const contracts = [
      contract("E-small", { Fte: 0.1, EndDate: "2024-01-01" }),
      contract("F-big", { Fte: 1, StartDate: "2026-01-01" }),
      contract("A-small", { Fte: 0.2 }),
      contract("E-big", { Fte: 0.9, EndDate: "2024-01-01" }),
      contract("A-big", { Fte: 0.8 }),
    ];
    expect(ids(rankContracts(contracts, byDefault, today))).toEqual(["A-big", "A-small", "F-big", "E-big", "E-small"]);
    expect(contracts[0]?.ExternalId).toBe("E-small");
  });

  it("orders by criteria alone", () => {
    const compare = compareContracts([{ field: "Sequence", direction: "asc" }]);
    expect(compare(contract("A", { Sequence: 1 }), contract("B", { Sequence: 2 }))).toBeLessThan(0);
    expect(compare(contract("B", { Sequence: 1 }), contract("A", { Sequence: 1 }))).toBeGreaterThan(0);
    expect(compare(contract("A"), contract("A"))).toBe(0);
  });
});

describe("primaryContractChanges", () => {
  const persons = [
    { ExternalId: "P1", Contracts: [contract("P1-big", { Fte: 1, Sequence: 1 }), contract("P1-seq", { Fte: 0.2, Sequence: 5 })] },
    { ExternalId: "P2", Contracts: [contract("P2-only", { Fte: 0.5 })] },
    { ExternalId: "P3", Contracts: [] },
    { ExternalId: "P4" },
  ];

  it("lists only persons whose primary contract would change", () => {
    const bySequence: PrimaryContractCriterion[] = [{ field: "Sequence", direction: "desc" }];
    expect(primaryContractChanges(persons, byDefault, bySequence, today)).toEqual([
      { personExternalId: "P1", oldContractExternalId: "P1-big", newContractExternalId: "P1-seq" },
    ]);
  });

  it("is empty when the criteria do not change the outcome", () => {
    expect(primaryContractChanges(persons, byDefault, byDefault, today)).toEqual([]);
    expect(primaryContractChanges([], byDefault, [], today)).toEqual([]);
  });
});
