import { targetThresholdsSchema, type TargetSystemView } from "@idlife/contracts";
import { z } from "zod";
import { DEFAULT_TARGET_THRESHOLDS } from "../../lib/idlife-core.ts";

type Thresholds = TargetSystemView["thresholds"];

// The form takes its actions and maxima from the contract, so it offers what the API accepts.
const limitsSchema = targetThresholdsSchema.shape.limits.unwrap();
const limitShape = limitsSchema.valueType.shape;
const windowHoursSchema = targetThresholdsSchema.shape.windowHours.unwrap();

/** Every action and entitlement type a threshold limits ("revoke:account", ...). */
export const thresholdActions = limitsSchema.keyType.options;
export type ThresholdAction = (typeof thresholdActions)[number];
export type LimitField = keyof typeof limitShape;
export const limitFields = Object.keys(limitShape) as LimitField[];

/** The bounds the API keeps to, for the inputs' min and max. */
export const limitBounds = {
  count: { min: limitShape.count.unwrap().minValue ?? 0, max: limitShape.count.unwrap().maxValue ?? undefined },
  percent: { min: limitShape.percent.unwrap().minValue ?? 0, max: limitShape.percent.unwrap().maxValue ?? undefined },
  windowHours: { min: windowHoursSchema.minValue ?? 1, max: windowHoursSchema.maxValue ?? undefined },
};

const verbText = { grant: "Grant", revoke: "Revoke", update: "Update" } as const;
const typeText = { account: "accounts", access: "access", permission: "permissions" } as const;

/** "Revoke accounts" for "revoke:account". */
export function thresholdActionLabel(action: ThresholdAction): string {
  const [verb, type] = action.split(":") as [keyof typeof verbText, keyof typeof typeText];
  return `${verbText[verb]} ${typeText[type]}`;
}

/** The name of a limit's input: "revoke:account.count". */
export const limitFieldName = (action: ThresholdAction, field: LimitField) => `${action}.${field}` as const;

/**
 * The limits that apply: an action the system never limited has the platform's default (the
 * evaluation applies DEFAULT_TARGET_THRESHOLDS under the system's own), so that is what shows.
 */
export function effectiveThresholds(thresholds: Thresholds) {
  const limits = thresholds.limits ?? {};
  return {
    windowHours: thresholds.windowHours ?? DEFAULT_TARGET_THRESHOLDS.windowHours,
    limits: Object.fromEntries(thresholdActions.map((action) => [action, limits[action] ?? DEFAULT_TARGET_THRESHOLDS.limits[action] ?? {}])) as Record<ThresholdAction, { count?: number; percent?: number }>,
  };
}

const flatShape: Record<string, z.ZodOptional<z.ZodNumber>> = { windowHours: targetThresholdsSchema.shape.windowHours };
for (const action of thresholdActions) for (const field of limitFields) flatShape[limitFieldName(action, field)] = limitShape[field];

/**
 * The form's fields (one per action and limit, and the window) checked with the contract's
 * schemas, each message on its own field, turned into the thresholds the API stores. Every action
 * is written out, an empty one as {}: leaving it out would bring the default back, so clearing
 * both fields must be stored as "no limit".
 */
export const thresholdFormSchema = z.strictObject(flatShape).transform((values): Thresholds => {
  const limits: NonNullable<Thresholds["limits"]> = {};
  for (const action of thresholdActions) {
    const limit: { count?: number; percent?: number } = {};
    for (const field of limitFields) {
      const value = values[limitFieldName(action, field)];
      if (value !== undefined) limit[field] = value;
    }
    limits[action] = limit;
  }
  return { ...(values.windowHours !== undefined ? { windowHours: values.windowHours } : {}), limits };
});

/** A number field left empty is absent (no limit); anything else is a number for the schema to check. */
export function readThresholdForm(data: FormData): Record<string, number | undefined> {
  const values: Record<string, number | undefined> = {};
  for (const name of Object.keys(flatShape)) {
    const text = String(data.get(name) ?? "").trim().replace(",", ".");
    values[name] = text === "" ? undefined : Number(text);
  }
  return values;
}
