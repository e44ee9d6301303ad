import { describe, expect, it } from "vitest";
import { PersonSchema, checkCondition, compileCondition, conditionSchema, decideScope, explainScope, patternProblem, type Condition, type PersonInput } from "../../src/index.ts";

const TODAY = "2026-12-04";

const person = (externalId: string, contracts: PersonInput["Contracts"], extra: Partial<PersonInput> = {}) => PersonSchema.parse({ ExternalId: externalId, Contracts: contracts, ...extra });

// A school: teachers and support staff at two locations, with contracts starting, running and ended.
const people = [
  person("starter", [{ ExternalId: "s1", StartDate: "2026-12-14", Location: { ExternalId: "SCH-X" }, Title: { Name: "Teacher" }, Details: { Fte: 0.8 } }]),
  person("late-starter", [{ ExternalId: "l1", StartDate: "2027-01-20", Location: { ExternalId: "SCH-X" }, Title: { Name: "Teacher" }, Details: { Fte: 1 } }]),
  person("running", [{ ExternalId: "r1", StartDate: "2020-08-01", Location: { ExternalId: "SCH-X" }, Title: { Name: "Teacher" }, Details: { Fte: 0.4 } }]),
  person("support", [{ ExternalId: "p1", StartDate: "2019-01-01", Location: { ExternalId: "SCH-X" }, Title: { Name: "Conciërge" }, Details: { Fte: 1 } }]),
  person("left-long-ago", [{ ExternalId: "e1", StartDate: "2015-01-01", EndDate: "2026-09-30", Location: { ExternalId: "SCH-X" }, Title: { Name: "Teacher" }, Details: { Fte: 1 } }]),
  person("left-recently", [{ ExternalId: "e2", StartDate: "2015-01-01", EndDate: "2026-11-20", Location: { ExternalId: "SCH-X" }, Title: { Name: "Teacher" }, Details: { Fte: 1 } }]),
  person("other-school", [{ ExternalId: "o1", StartDate: "2020-01-01", Location: { ExternalId: "SCH-Y" }, Title: { Name: "Teacher" }, Details: { Fte: 1 } }]),
  // Two contracts: only the second (at school X) can put her in scope.
  person("two-schools", [
    { ExternalId: "t1", StartDate: "2020-01-01", Location: { ExternalId: "SCH-Y" }, Title: { Name: "Teacher" }, Details: { Fte: 0.5 } },
    { ExternalId: "t2", StartDate: "2021-01-01", Location: { ExternalId: "SCH-X" }, Title: { Name: "Teacher" }, Details: { Fte: 0.5 } },
  ]),
];

function selected(condition: Condition, scope: "any" | "primary" = "any", primaries: Record<string, string> = {}) {
  expect(checkCondition(condition)).toEqual([]);
  const test = compileCondition(conditionSchema.parse(condition), TODAY);
  return people.filter((p) => decideScope(test, p, scope, primaries[p.ExternalId]).inScope).map((p) => p.ExternalId);
}

// Teachers of school X with at least 0.5 FTE who either work now or start within 14 days, and did
// not leave more than 30 days ago.
const teachersOfX: Condition = {
  kind: "all",
  conditions: [
    { kind: "field", field: "Contract.Location.ExternalId", operator: "equals", value: "sch-x" },
    { kind: "field", field: "Contract.Title.Name", operator: "in", values: ["Teacher", "Docent"] },
    { kind: "field", field: "Contract.Details.Fte", operator: "greaterOrEqual", value: 0.5 },
    {
      kind: "any",
      conditions: [
        { kind: "field", field: "Contract.StartDate", operator: "withinNextDays", value: 14 },
        { kind: "all", conditions: [{ kind: "field", field: "Contract.StartDate", operator: "onOrBefore", value: TODAY }, { kind: "field", field: "Contract.EndDate", operator: "isEmpty" }] },
      ],
    },
    { kind: "not", condition: { kind: "field", field: "Contract.EndDate", operator: "moreThanDaysAgo", value: 30 } },
  ],
};

describe("rule conditions", () => {
  it("select exactly the persons nested AND / OR / NOT with number and relative-date operators describe", () => {
    expect(selected(teachersOfX)).toEqual(["starter", "two-schools"]);
  });

  it("take a person in scope through any contract, or through the primary one only when asked", () => {
    const condition: Condition = { kind: "field", field: "Contract.Location.ExternalId", operator: "equals", value: "SCH-X" };
    expect(selected(condition)).toContain("two-schools");
    expect(selected(condition, "primary", { "two-schools": "t1" })).not.toContain("two-schools");
    expect(selected(condition, "primary", { "two-schools": "t2" })).toContain("two-schools");
  });

  it("compare relative dates with the day handed in, so tomorrow's evaluation can differ from today's", () => {
    const startsSoon: Condition = { kind: "field", field: "Contract.StartDate", operator: "withinNextDays", value: 14 };
    const test = (today: string) => people.filter((p) => decideScope(compileCondition(startsSoon, today), p).inScope).map((p) => p.ExternalId);
    expect(test("2026-12-04")).toEqual(["starter"]);
    expect(test("2027-01-10")).toEqual(["late-starter"]);
    const endedRecently: Condition = { kind: "field", field: "Contract.EndDate", operator: "withinLastDays", value: 30 };
    expect(selected(endedRecently)).toEqual(["left-recently"]);
    const between: Condition = { kind: "field", field: "Contract.Details.Fte", operator: "between", values: [0.4, 0.8] };
    expect(selected(between)).toEqual(["starter", "running", "two-schools"]);
  });

  it("treat empty fields as empty: notEquals and isEmpty hold, comparisons do not", () => {
    const named = person("p", [], { Name: { GivenName: null } });
    const test = (condition: Condition) => decideScope(compileCondition(condition, TODAY), named).inScope;
    expect(test({ kind: "field", field: "Name.GivenName", operator: "isEmpty" })).toBe(true);
    expect(test({ kind: "field", field: "Name.GivenName", operator: "notEquals", value: "Jan" })).toBe(true);
    expect(test({ kind: "field", field: "Name.GivenName", operator: "startsWith", value: "" })).toBe(false);
    expect(test({ kind: "field", field: "Contract.Details.Fte", operator: "lessThan", value: 1 })).toBe(false);
  });

  it("match custom fields and patterns, case-insensitive unless asked", () => {
    const custom = person("c", [{ ExternalId: "c1", Custom: { Grade: 11 } }], { Custom: { Team: "ICT-Support" } });
    const test = (condition: Condition) => decideScope(compileCondition(condition, TODAY), custom).inScope;
    expect(test({ kind: "field", field: "Custom.Team", operator: "matches", value: "^ict-" })).toBe(true);
    expect(test({ kind: "field", field: "Custom.Team", operator: "matches", value: "^ict-", caseSensitive: true })).toBe(false);
    expect(test({ kind: "field", field: "Contract.Custom.Grade", operator: "greaterThan", value: 10 })).toBe(true);
    expect(test({ kind: "field", field: "Contract.Custom.Grade", operator: "greaterThan", value: 11 })).toBe(false);
  });

  it("refuse, with the reason and the place, fields that do not exist, dates compared with text and unsafe patterns", () => {
    const problems = checkCondition({
      kind: "all",
      conditions: [
        { kind: "field", field: "Contract.Startdate", operator: "equals", value: "x" },
        { kind: "field", field: "Contract.StartDate", operator: "startsWith", value: "2026" },
        { kind: "any", conditions: [{ kind: "field", field: "Contract.EndDate", operator: "before", value: "next week" }] },
        { kind: "field", field: "Contract.Details.Fte", operator: "greaterThan", value: "0.5" },
        { kind: "field", field: "Name.FamilyName", operator: "matches", value: "(a+)+$" },
        { kind: "field", field: "Contract.StartDate", operator: "withinNextDays", value: -3 },
        { kind: "field", field: "Custom.__proto__", operator: "equals", value: "x" },
      ],
    });
    expect(problems.map((problem) => problem.path)).toEqual(["conditions.0", "conditions.1", "conditions.2.conditions.0", "conditions.3", "conditions.4", "conditions.5", "conditions.6"]);
    expect(problems[0]!.message).toContain("'Contract.Startdate' does not exist");
    expect(problems[1]!.message).toContain("is a date: 'startsWith' does not apply");
    expect(problems[2]!.message).toContain("expects a date as YYYY-MM-DD");
    expect(problems[3]!.message).toContain("expects a number");
    expect(problems[4]!.message).toContain("repeats a group");
  });

  it("accept safe patterns and refuse invalid or catastrophic ones", () => {
    expect(patternProblem("^(teacher|docent)$")).toBeUndefined();
    expect(patternProblem("^[a-z]+-[0-9]{2,4}$")).toBeUndefined();
    expect(patternProblem("(\\w*)*x")).toContain("repeats a group");
    expect(patternProblem("(a|ab)+c")).toContain("repeats a group");
    expect(patternProblem("([")).toContain("not a valid regular expression");
  });

  it("explain why a person is not in scope by naming the failed condition", () => {
    const [explained] = explainScope(teachersOfX, people.find((p) => p.ExternalId === "other-school")!, TODAY);
    expect(explained!.inScope).toBe(false);
    expect(explained!.failed.map((part) => [part.path, part.text, part.actual])).toEqual([["conditions.0", 'Contract.Location.ExternalId equals "sch-x"', "SCH-Y"]]);
    const twoSchools = explainScope(teachersOfX, people.find((p) => p.ExternalId === "two-schools")!, TODAY);
    expect(twoSchools.map((entry) => [entry.contract, entry.inScope])).toEqual([["t1", false], ["t2", true]]);
  });
});
