import type { ContainerMapping, Correlation, TargetFieldMapping } from "@idlife/contracts";
import { isMappableContractFieldPath, isMappablePersonFieldPath } from "@idlife/core";
import type { TransactionClient } from "@idlife/db";
import { badRequest } from "../use-case-error.ts";

/** Compiles a complex mapping script without running it (the API passes the sandbox's checkScript). */
export type ScriptChecker = (script: string) => Promise<{ ok: true } | { ok: false; message: string; line?: number }>;

const ACCOUNT_DATA_FIELD = /^Accounts\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z][A-Za-z0-9._;:-]*)$/i;
// A script reads other systems' data as accounts["<id>"] or accounts.<id> is not valid JS, so the bracket form only.
const ACCOUNT_DATA_IN_SCRIPT = /\baccounts\s*\[\s*["'`]([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})["'`]\s*\]/gi;

/** What a `field` names: a person field, a primary-contract field, or another system's stored account data. */
function fieldProblem(field: string): string | undefined {
  if (ACCOUNT_DATA_FIELD.test(field)) return undefined;
  if (field.startsWith("Accounts.")) return `'${field}' must read Accounts.<target system id>.<attribute>`;
  if (field.startsWith("PrimaryContract.")) {
    const path = field.slice("PrimaryContract.".length);
    return isMappableContractFieldPath(path) ? undefined : `'${path}' is not a contract field (for example PrimaryContract.Department.ExternalId)`;
  }
  return isMappablePersonFieldPath(field) ? undefined : `'${field}' is not a person field (for example Name.GivenName, Contact.Business.Email, Custom.X, PrimaryContract.Title.Name)`;
}

/** The systems whose stored account data a value reads (Accounts.<id>.x fields, accounts["<id>"] in scripts). */
function accountDataSources(entry: { kind: string; field?: string; script?: string }): string[] {
  if (entry.kind === "field" && entry.field) {
    const match = ACCOUNT_DATA_FIELD.exec(entry.field);
    return match ? [match[1]!.toLowerCase()] : [];
  }
  if (entry.kind === "complex" && entry.script) return [...entry.script.matchAll(ACCOUNT_DATA_IN_SCRIPT)].map((match) => match[1]!.toLowerCase());
  return [];
}

type Valued = { kind: string; value?: unknown; field?: string; script?: string };

/** Each kind has exactly its own part: fixed a value, field a field, complex a script, none nothing. */
async function checkValued(entry: Valued, where: string, checkScript: ScriptChecker | undefined): Promise<void> {
  const wanted = ({ fixed: "value", field: "field", complex: "script", none: undefined } as const)[entry.kind as "fixed"];
  for (const part of ["value", "field", "script"] as const) {
    const present = entry[part] !== undefined;
    if (part === wanted && !present) throw badRequest("invalid_field_mapping", `${where}: a ${entry.kind} mapping needs a ${part}.`);
    if (part !== wanted && present) throw badRequest("invalid_field_mapping", `${where}: a ${entry.kind} mapping takes no ${part}; remove it.`);
  }
  if (entry.kind === "field") {
    const problem = fieldProblem(entry.field!);
    if (problem) throw badRequest("invalid_field_mapping", `${where}: ${problem}.`);
  }
  if (entry.kind === "complex" && checkScript) {
    const check = await checkScript(entry.script!);
    if (!check.ok) throw badRequest("invalid_script", `${where}: the script does not compile${check.line ? ` (line ${check.line})` : ""}: ${check.message}`);
  }
}

export interface MappingInput {
  fieldMapping: TargetFieldMapping[];
  correlation: Correlation | null;
  container: ContainerMapping | null;
}

/** Checks a target system's mapping and returns the systems whose account data it uses. */
export async function checkTargetMapping(mapping: MappingInput, checkScript: ScriptChecker | undefined): Promise<string[]> {
  const seen = new Set<string>();
  for (const [index, entry] of mapping.fieldMapping.entries()) {
    const where = `Field mapping ${index + 1} (${entry.attribute})`;
    const key = entry.attribute.toLowerCase();
    // Directory attribute names are case-insensitive: sAMAccountName and samaccountname are one.
    if (seen.has(key)) throw badRequest("invalid_field_mapping", `${where}: the attribute '${entry.attribute}' is mapped twice; keep one row per attribute.`);
    seen.add(key);
    await checkValued(entry, where, checkScript);
  }
  if (mapping.container) {
    if (mapping.container.lookup) {
      for (const key of Object.keys(mapping.container.lookup)) if (["__proto__", "constructor", "prototype"].includes(key)) throw badRequest("forbidden_key", `Container lookup: '${key}' is not allowed as a value.`);
    }
    await checkValued(mapping.container, "Container", checkScript);
  }
  if (mapping.correlation) {
    const problem = fieldProblem(mapping.correlation.personField);
    if (problem || mapping.correlation.personField.startsWith("Accounts.")) throw badRequest("invalid_correlation", `Correlation: ${problem ?? "correlate on a person field, not on account data"}.`);
  }
  const sources = [...mapping.fieldMapping, ...(mapping.container ? [mapping.container] : [])].flatMap(accountDataSources);
  return [...new Set(sources)].sort();
}

/**
 * Refuses account data read from systems that are not this tenant's, from the system itself, or
 * in a cycle (A uses B's data, B uses A's): the systems could then never be ordered.
 */
export async function refuseAccountDataCycle(tx: TransactionClient, tenantId: string, system: { id: string | null; name: string }, uses: string[]): Promise<void> {
  if (uses.length === 0) return;
  const rows = await tx.targetSystem.findMany({ where: { tenantId }, select: { id: true, name: true, usesAccountDataFrom: true } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const id of uses) {
    if (id === system.id) throw badRequest("account_data_cycle", `${system.name} cannot use its own account data (Accounts.${id}); use a field of the person instead.`);
    if (!byId.has(id)) throw badRequest("unknown_target_system", `The mapping uses account data of target system ${id}, which does not exist in this tenant.`);
  }
  if (!system.id) return;
  // A path from a used system back to this one closes a cycle; show it by name.
  const edges = (id: string) => (id === system.id ? uses : (byId.get(id)?.usesAccountDataFrom ?? []));
  const nameOf = (id: string) => (id === system.id ? system.name : (byId.get(id)?.name ?? id));
  const visit = (id: string, path: string[], done: Set<string>): string[] | undefined => {
    if (id === system.id) return path;
    if (done.has(id)) return undefined;
    done.add(id);
    for (const next of edges(id)) {
      const found = visit(next, [...path, next], done);
      if (found) return found;
    }
    return undefined;
  };
  for (const start of uses) {
    const cycle = visit(start, [system.id, start], new Set());
    if (cycle) {
      const names = cycle.map(nameOf);
      throw badRequest("account_data_cycle", `The account data would go round in a cycle: ${names.join(" uses ")}. Remove one of these uses so the systems can be ordered.`, { systems: names });
    }
  }
}
