import type { Contract } from "../persons/person-model.ts";

/**
 * Fills a dynamic permission's name from a contract: "school-{Contract.Location.ExternalId}-staff"
 * -> "school-SCH-X-staff". Only contract fields can be named; an empty one fails (no permission
 * named "school--staff" is ever granted).
 */
export function fillPermissionName(template: string, contract: Contract | undefined): { ok: true; name: string } | { ok: false; message: string } {
  const empty: string[] = [];
  const name = template.replace(/\{([^{}]*)\}/g, (_match, path: string) => {
    const field = path.trim();
    const value = field.startsWith("Contract.") ? readPath(contract, field.slice("Contract.".length)) : undefined;
    if (value === undefined || value === null || value === "" || typeof value === "object") {
      empty.push(field);
      return "";
    }
    return String(value);
  });
  if (empty.length > 0) return { ok: false, message: `the permission name ${JSON.stringify(template)} needs ${empty.map((field) => `{${field}}`).join(", ")}, empty for contract ${contract?.ExternalId ?? "(none)"}` };
  return { ok: true, name };
}

/** The placeholders of a name template, for checking a rule when it is saved. */
export function permissionNamePlaceholders(template: string): string[] {
  return [...template.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1]!.trim());
}

function readPath(root: unknown, path: string): unknown {
  let value = root;
  for (const key of path.split(".")) {
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
