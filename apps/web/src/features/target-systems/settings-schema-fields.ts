/**
 * The settings form of a target connector, read from the JSON Schema the API serves with the
 * catalogue (GET /target-connector-types), so the portal never keeps its own copy of a
 * connector's settings. Nested objects become dot paths (tls.rejectUnauthorized); lists of
 * text become one value per line; anything else is edited as JSON.
 */
export interface SettingsField {
  path: string;
  label: string;
  kind: "text" | "number" | "boolean" | "choice" | "lines" | "json";
  options?: string[];
  required: boolean;
  description?: string;
  defaultValue?: unknown;
}

type Schema = Record<string, unknown>;

const asSchema = (value: unknown): Schema => (value && typeof value === "object" && !Array.isArray(value) ? (value as Schema) : {});

const ACRONYMS = new Map([["url", "URL"], ["dn", "DN"], ["tls", "TLS"], ["ca", "CA"], ["ms", "(ms)"], ["id", "ID"], ["uri", "URI"]]);

/** "bindDn" -> "Bind DN", "rejectUnauthorized" -> "Reject unauthorized". */
export function labelOf(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ").toLowerCase().split(" ").map((word) => ACRONYMS.get(word) ?? word).join(" ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A union of one kind plus null (optional settings) reads as that kind. */
function plain(schema: Schema): Schema {
  const choices = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (!Array.isArray(choices)) return schema;
  const real = choices.map(asSchema).filter((choice) => choice.type !== "null");
  return real.length === 1 ? { ...schema, ...real[0] } : schema;
}

function fieldKind(schema: Schema): Pick<SettingsField, "kind" | "options"> {
  if (Array.isArray(schema.enum) && schema.enum.every((value) => typeof value === "string")) return { kind: "choice", options: schema.enum as string[] };
  if (schema.type === "string") return { kind: "text" };
  if (schema.type === "integer" || schema.type === "number") return { kind: "number" };
  if (schema.type === "boolean") return { kind: "boolean" };
  if (schema.type === "array" && asSchema(schema.items).type === "string") return { kind: "lines" };
  return { kind: "json" };
}

export function settingsFields(schema: Record<string, unknown>, secretFields: readonly string[], prefix = "", depth = 0, parentRequired = true): SettingsField[] {
  const properties = asSchema(schema.properties);
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  return Object.entries(properties).flatMap(([name, raw]) => {
    const path = `${prefix}${name}`;
    if (secretFields.includes(path)) return [];
    const property = plain(asSchema(raw));
    if (property.type === "object" && property.properties && depth < 3) return settingsFields(property, secretFields, `${path}.`, depth + 1, parentRequired && required.has(name));
    return [{ path, label: labelOf(path.split(".").join(" ")), ...fieldKind(property), required: parentRequired && required.has(name), description: typeof property.description === "string" ? property.description : undefined, defaultValue: property.default }];
  });
}

export function readPath(settings: Record<string, unknown>, path: string): unknown {
  let current: unknown = settings;
  for (const segment of path.split(".")) current = current && typeof current === "object" && Object.hasOwn(current, segment) ? (current as Schema)[segment] : undefined;
  return current;
}

/** A copy of the settings with the value at the path set; undefined removes it (the connector's default applies). */
export function writePath(settings: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const next = structuredClone(settings);
  const segments = path.split(".");
  const leaf = segments.pop()!;
  let parent: Schema = next;
  for (const segment of segments) {
    if (!Object.hasOwn(parent, segment) || typeof parent[segment] !== "object" || parent[segment] === null) parent[segment] = {};
    parent = parent[segment] as Schema;
  }
  if (value === undefined) delete parent[leaf];
  else parent[leaf] = value;
  return next;
}
