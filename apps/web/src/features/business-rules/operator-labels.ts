/** How the editor reads each operator out ("Contract.StartDate within the next … days"). */
const operatorLabels: ReadonlyMap<string, string> = new Map([
  ["equals", "equals"],
  ["notEquals", "does not equal"],
  ["in", "is one of"],
  ["notIn", "is none of"],
  ["startsWith", "starts with"],
  ["endsWith", "ends with"],
  ["contains", "contains"],
  ["matches", "matches the pattern"],
  ["isEmpty", "is empty"],
  ["isNotEmpty", "is not empty"],
  ["greaterThan", "is greater than"],
  ["greaterOrEqual", "is at least"],
  ["lessThan", "is less than"],
  ["lessOrEqual", "is at most"],
  ["between", "is between"],
  ["before", "is before"],
  ["after", "is after"],
  ["onOrBefore", "is on or before"],
  ["onOrAfter", "is on or after"],
  ["withinNextDays", "is within the next … days"],
  ["withinLastDays", "was within the last … days"],
  ["moreThanDaysAgo", "is more than … days ago"],
  ["moreThanDaysAhead", "is more than … days ahead"],
  ["isTrue", "is true"],
  ["isFalse", "is false"],
]);

export function operatorLabel(operator: string): string {
  return operatorLabels.get(operator) ?? operator;
}

export const groupModeLabels = { all: "All of", any: "Any of", not: "Not" } as const;
