import { describe, expect, it } from "vitest";
import { addChild, conditionProblems, fromCondition, newGroup, newRow, operatorsFor, removeNode, toCondition, updateNode, valueInputFor } from "./condition-builder.ts";

describe("the condition builder", () => {
  it("offers only the operators of the field's type, and a date field's operator follows a change of field", () => {
    const row = newRow("Contract.StartDate");
    expect(operatorsFor(row)).toContain("withinNextDays");
    expect(operatorsFor(row)).not.toContain("contains");
    const root = updateNode(newGroup("all", [{ ...row, operator: "withinNextDays" }]), row.id, { field: "Name.FamilyName" });
    const changed = root.children[0]!;
    expect(changed.kind === "row" && changed.operator).toBe("equals");
    expect(valueInputFor("date", "withinNextDays")).toBe("days");
    expect(valueInputFor("number", "between")).toBe("between");
    expect(valueInputFor("text", "in")).toBe("list");
    expect(valueInputFor("boolean", "isTrue")).toBe("none");
  });

  it("builds nested All / Any / Not groups into the API's typed condition", () => {
    const school = { ...newRow("Contract.Department.ExternalId"), operator: "in", list: "SCH1, SCH2" };
    const fte = { ...newRow("Contract.Details.Fte"), operator: "between", value: "0.5", secondValue: "1" };
    const starts = { ...newRow("Contract.StartDate"), operator: "withinNextDays", value: "14" };
    const name = { ...newRow("Name.FamilyName"), operator: "startsWith", value: "Van", caseSensitive: true };
    let root = newGroup("all", [school]);
    const any = newGroup("any", [fte, starts]);
    root = addChild(root, root.id, any);
    root = addChild(root, root.id, newGroup("not", [name]));
    expect(toCondition(root).condition).toEqual({
      kind: "all",
      conditions: [
        { kind: "field", field: "Contract.Department.ExternalId", operator: "in", values: ["SCH1", "SCH2"] },
        { kind: "any", conditions: [
          { kind: "field", field: "Contract.Details.Fte", operator: "between", values: [0.5, 1] },
          { kind: "field", field: "Contract.StartDate", operator: "withinNextDays", value: 14 },
        ] },
        { kind: "not", condition: { kind: "field", field: "Name.FamilyName", operator: "startsWith", value: "Van", caseSensitive: true } },
      ],
    });
    // Removing a group removes its rows with it.
    expect(toCondition(removeNode(root, any.id)).condition).toMatchObject({ conditions: [{ operator: "in" }, { kind: "not" }] });
  });

  it("a Not group of several rows negates all of them, and reads back as the same group", () => {
    const a = { ...newRow("Name.FamilyName"), value: "Jansen" };
    const b = { ...newRow("Contract.Details.Fte"), value: "1" };
    const condition = toCondition(newGroup("all", [newGroup("not", [a, b])])).condition;
    expect(condition).toEqual({ kind: "all", conditions: [{ kind: "not", condition: { kind: "all", conditions: [
      { kind: "field", field: "Name.FamilyName", operator: "equals", value: "Jansen" },
      { kind: "field", field: "Contract.Details.Fte", operator: "equals", value: 1 },
    ] } }] });
    expect(toCondition(fromCondition(condition)).condition).toEqual(condition);
  });

  it("names each problem on the row it is about, as you type", () => {
    const fte = { ...newRow("Contract.Details.Fte"), operator: "greaterOrEqual", value: "half" };
    const ok = { ...newRow("Name.FamilyName"), value: "Jansen" };
    const days = { ...newRow("Contract.EndDate"), operator: "moreThanDaysAgo", value: "" };
    const root = newGroup("all", [ok, fte, newGroup("not", [days])]);
    const problems = conditionProblems(root);
    expect(problems.get(fte.id)).toEqual([expect.stringContaining("expects a number")]);
    expect(problems.get(days.id)).toEqual([expect.stringContaining("whole number of days")]);
    expect(problems.has(ok.id)).toBe(false);
    // An empty group is its own problem.
    const empty = newGroup("any", []);
    expect(conditionProblems(newGroup("all", [empty])).get(empty.id)).toEqual([expect.stringContaining("at least one condition")]);
    // Fixed, nothing is left.
    expect(conditionProblems(updateNode(updateNode(root, fte.id, { value: "0.5" }), days.id, { value: "30" })).size).toBe(0);
  });

  it("reads a stored condition back into editable rows", () => {
    const root = fromCondition({ kind: "any", conditions: [
      { kind: "field", field: "Contract.Details.Fte", operator: "between", values: [0.2, 0.8] },
      { kind: "field", field: "Custom.Grade", operator: "greaterThan", value: 3 },
      { kind: "field", field: "Contract.Title.Name", operator: "notIn", values: ["Stagiair", "Vrijwilliger"] },
    ] });
    expect(root.mode).toBe("any");
    expect(root.children).toMatchObject([
      { value: "0.2", secondValue: "0.8" },
      { field: "Custom.Grade", customType: "number", operator: "greaterThan", value: "3" },
      { list: "Stagiair, Vrijwilliger" },
    ]);
  });
});
