import type { z } from "zod";

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** person["Name.GivenName"].type: paths written the way a JavaScript reader would look them up. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else if (typeof segment === "string" && IDENTIFIER.test(segment)) text += text ? `.${segment}` : segment;
    else text += `[${JSON.stringify(String(segment))}]`;
  }
  return text;
}

/** One line per problem, each naming where it is, for people rather than for programs. */
export function describeZodIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = formatIssuePath(issue.path);
    return where ? `${where}: ${issue.message}` : issue.message;
  });
}
