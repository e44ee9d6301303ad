import { z } from "zod";

/*
 * Business-rule conditions: typed, nested AND / OR / NOT groups over person and contract fields.
 * Person fields use the person model's paths (Name.GivenName, Custom.Grade); contract fields are
 * prefixed with "Contract." (Contract.StartDate, Contract.Department.ExternalId, Contract.Custom.X).
 * A person is in scope when at least one contract (or only the primary one) satisfies the whole
 * condition together with the person's own fields.
 */

export const TEXT_OPERATORS = ["equals", "notEquals", "in", "notIn", "startsWith", "endsWith", "contains", "matches", "isEmpty", "isNotEmpty"] as const;
export const NUMBER_OPERATORS = ["equals", "notEquals", "in", "greaterThan", "greaterOrEqual", "lessThan", "lessOrEqual", "between", "isEmpty", "isNotEmpty"] as const;
export const DATE_OPERATORS = [
  "equals", "before", "after", "onOrBefore", "onOrAfter", "between",
  // Relative to today (the tenant's date, handed in): "starts within the next 14 days", "ended more than 30 days ago".
  "withinNextDays", "withinLastDays", "moreThanDaysAgo", "moreThanDaysAhead",
  "isEmpty", "isNotEmpty",
] as const;
export const BOOLEAN_OPERATORS = ["isTrue", "isFalse", "isEmpty", "isNotEmpty"] as const;

export const CONDITION_OPERATORS = [...new Set([...TEXT_OPERATORS, ...NUMBER_OPERATORS, ...DATE_OPERATORS, ...BOOLEAN_OPERATORS])] as [string, ...string[]];
export type ConditionOperator = (typeof TEXT_OPERATORS)[number] | (typeof NUMBER_OPERATORS)[number] | (typeof DATE_OPERATORS)[number] | (typeof BOOLEAN_OPERATORS)[number];

/** Bounds that keep a condition cheap to evaluate for 100,000 persons. */
export const CONDITION_LIMITS = { depth: 8, nodes: 200, listValues: 500, textLength: 500, patternLength: 200, days: 36_500 } as const;

const scalar = z.union([z.string().max(CONDITION_LIMITS.textLength), z.number().finite(), z.boolean()]);

export const fieldConditionSchema = z.strictObject({
  kind: z.literal("field"),
  field: z.string().min(1).max(300),
  operator: z.enum(CONDITION_OPERATORS),
  /** One value (equals, startsWith, before, withinNextDays: a number of days ...). */
  value: scalar.optional(),
  /** Several values (in, notIn) or the two bounds of between (inclusive). */
  values: z.array(scalar).max(CONDITION_LIMITS.listValues).optional(),
  /** Text comparisons ignore case unless this is set. */
  caseSensitive: z.boolean().optional(),
});
export type FieldCondition = z.infer<typeof fieldConditionSchema>;

export type Condition =
  | FieldCondition
  | { kind: "all"; conditions: Condition[] }
  | { kind: "any"; conditions: Condition[] }
  | { kind: "not"; condition: Condition };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    fieldConditionSchema,
    z.strictObject({ kind: z.literal("all"), conditions: z.array(conditionSchema).max(CONDITION_LIMITS.nodes) }),
    z.strictObject({ kind: z.literal("any"), conditions: z.array(conditionSchema).max(CONDITION_LIMITS.nodes) }),
    z.strictObject({ kind: z.literal("not"), condition: conditionSchema }),
  ]),
);

/** Which contracts can put a person in scope. */
export type ContractScope = "any" | "primary";
