import { getPath, PathSyntaxError } from "../persons/object-path.ts";
import { toAttributeValue, type AttributeValue } from "./account-values.ts";
import type { UniqueRule } from "./unique-values.ts";

export type AccountActionName = "create" | "update" | "enable" | "disable" | "delete";

/** One field of a target system's mapping (contracts' targetFieldMappingSchema, structurally). */
export interface FieldMappingRule {
  attribute: string;
  actions: readonly AccountActionName[];
  kind: "fixed" | "field" | "complex" | "none";
  value?: unknown;
  field?: string;
  script?: string;
  unique?: UniqueRule;
  store?: boolean;
}

/** Runs one complex mapping's script (in the sandbox) for the person; throws with the script's error. */
export type ComplexEvaluator = (rule: { attribute: string; script: string }) => Promise<unknown>;

export interface MappedAccount {
  /** Attribute -> value the action sends (unique values still as their first candidate). */
  attributes: Record<string, AttributeValue>;
  /** Attributes whose value must be unique, with how to find a free one. */
  unique: Array<{ attribute: string; rule: UniqueRule }>;
  /** Attributes kept in the stored account data (mapped with store, and the `none` ones read back). */
  stored: string[];
  /** One line per field that could not be mapped, naming the attribute. */
  errors: string[];
}

/**
 * The attributes one account action sends for a person: each field that applies to the action,
 * by its kind. `none` fields are not sent (they are read back into the stored data). A field
 * that fails is reported by name and left out; the caller decides whether the action may run.
 */
export async function mapAccount(rules: readonly FieldMappingRule[], action: AccountActionName, subject: Record<string, unknown>, complex?: ComplexEvaluator): Promise<MappedAccount> {
  const values = new Map<string, AttributeValue>();
  const mapped: MappedAccount = { attributes: {}, unique: [], stored: [], errors: [] };
  for (const rule of rules) {
    if (!rule.actions.includes(action)) continue;
    if (rule.store !== false) mapped.stored.push(rule.attribute);
    if (rule.kind === "none") continue;
    try {
      const raw = await ruleValue(rule, subject, complex);
      values.set(rule.attribute, toAttributeValue(rule.attribute, raw));
      if (rule.unique && typeof raw === "string" && raw !== "") mapped.unique.push({ attribute: rule.attribute, rule: rule.unique });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      mapped.errors.push(message.startsWith(`${rule.attribute}:`) ? message : `${rule.attribute}: ${message}`);
    }
  }
  mapped.attributes = Object.fromEntries(values);
  return mapped;
}

async function ruleValue(rule: FieldMappingRule, subject: Record<string, unknown>, complex?: ComplexEvaluator): Promise<unknown> {
  switch (rule.kind) {
    case "fixed":
      return rule.value ?? null;
    case "field":
      if (!rule.field) throw new Error("a field mapping needs the person field to copy (e.g. Name.GivenName)");
      return readField(subject, rule.field);
    case "complex":
      if (!rule.script) throw new Error("a complex mapping needs a script");
      if (!complex) throw new Error("complex mappings cannot run here");
      return complex({ attribute: rule.attribute, script: rule.script });
    default:
      return null;
  }
}

/** A person field by its dot path; a path that cannot be read is an error that names it. */
export function readField(subject: Record<string, unknown>, path: string): unknown {
  try {
    return getPath(subject, path);
  } catch (error) {
    if (error instanceof PathSyntaxError) throw new Error(`the person field ${error.message}`);
    throw error;
  }
}

/** Where an account lives (contracts' containerMappingSchema, structurally). */
export interface ContainerRule {
  kind: "fixed" | "field" | "complex";
  value?: string;
  field?: string;
  script?: string;
  lookup?: Readonly<Record<string, string>>;
}

/**
 * The container of a person's account: a fixed one, or the value of a person field looked up in
 * `lookup` (department -> OU), falling back to `value` when the lookup has no entry; or a script.
 */
export async function mapContainer(rule: ContainerRule | null | undefined, subject: Record<string, unknown>, complex?: ComplexEvaluator): Promise<string | null> {
  if (!rule) return null;
  let result: unknown;
  if (rule.kind === "fixed") result = rule.value;
  else if (rule.kind === "field") {
    if (!rule.field) throw new Error("container: a field container needs the person field (e.g. PrimaryContract.Department.ExternalId)");
    const key = readField(subject, rule.field);
    const lookup = rule.lookup;
    if (lookup && key !== undefined && key !== null && Object.hasOwn(lookup, String(key))) result = lookup[String(key)];
    else result = lookup ? rule.value : (key ?? rule.value);
  } else {
    if (!rule.script) throw new Error("container: a complex container needs a script");
    if (!complex) throw new Error("container: complex mappings cannot run here");
    result = await complex({ attribute: "container", script: rule.script });
  }
  if (result === undefined || result === null || result === "") throw new Error("container: the mapping gives no container for this person; set a default value");
  if (typeof result !== "string") throw new Error("container: the mapping must give text (a DN such as OU=Sales,DC=example,DC=org)");
  return result;
}
