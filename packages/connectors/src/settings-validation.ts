import { z } from "zod";
import { ConnectorError } from "./connector-error.ts";

/** Parses connector settings; invalid settings become one readable ConnectorError. */
export function parseSettings<Schema extends z.ZodType>(
  schema: Schema,
  settings: unknown,
  connectorLabel: string,
): z.output<Schema> {
  const result = schema.safeParse(settings);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.join(".") : "(settings)";
    return `${path}: ${issue.message}`;
  });
  throw new ConnectorError("invalid_settings", `the ${connectorLabel} settings are invalid: ${problems.join("; ")}`);
}
