import { z } from "zod";

/** Parses a caller's settings, or throws an Error that says which setting is wrong and why. */
export function parseOrExplain<Schema extends z.ZodType>(schema: Schema, value: unknown, what: string): z.output<Schema> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`Invalid ${what}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
