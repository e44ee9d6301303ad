import { createMappingProgram, checkScript, type MappingProgram } from "@idlife/sandbox";
import type { ComplexEvaluator } from "@idlife/core";
import type { PersonForTarget } from "./person-subject.ts";
import type { EngineTargetSystem } from "./target-system-runtime.ts";

/** A target mapping script's own time limit per person (the sandbox's mapping limit). */
const SCRIPT_TIMEOUT_MS = 1_000;

export interface ComplexMappings {
  complexFor(person: PersonForTarget, system: EngineTargetSystem): ComplexEvaluator;
  /**
   * Runs every script for these persons in one call to the sandbox (a run's batch), so their
   * actions find the values ready instead of asking the sandbox process once per attribute. A
   * person read again later (after an earlier action of theirs) is computed anew.
   */
  prefetch(persons: readonly PersonForTarget[]): Promise<void>;
  dispose(): void;
}

/**
 * Wraps a target mapping script so that it sees `person`, `contract` (primary), `accounts` (other
 * systems' stored data by system id) and `previous` (this system's stored data), the names the
 * field mapping documents, while the sandbox's mapping runner hands it one `source` object.
 */
async function wrapped(script: string): Promise<string> {
  const check = await checkScript(script);
  const call = "(source.person, source.contract, source.accounts, source.previous)";
  if (check.ok && check.form === "expression") return `((person, contract, accounts, previous) => (\n${script.replace(/[\s;]+$/, "")}\n))${call}`;
  return `((person, contract, accounts, previous) => {\n${script}\n})${call}`;
}

/**
 * The system's complex field and container scripts compiled once, in the tenant's sandbox process
 * (a script that crashes V8 ends that process, not this one), run per person on demand.
 * Undefined when the system has no complex mapping.
 */
export async function compileComplexMappings(system: EngineTargetSystem): Promise<ComplexMappings | undefined> {
  const scripts = new Map<string, string>();
  for (const rule of system.fieldMapping) if (rule.kind === "complex" && rule.script) scripts.set(rule.attribute, rule.script);
  if (system.container?.kind === "complex" && system.container.script) scripts.set("container", system.container.script);
  if (scripts.size === 0) return undefined;
  const fields = await Promise.all([...scripts].map(async ([field, script]) => ({ field, script: await wrapped(script) })));
  const program: MappingProgram = await createMappingProgram(fields, { tenantId: system.tenantId, timeoutMs: SCRIPT_TIMEOUT_MS });
  type Results = Awaited<ReturnType<MappingProgram["run"]>>[number];
  const prefetched = new WeakMap<PersonForTarget, Results>();
  const sourceOf = (person: PersonForTarget) => {
    const subject = person.subject as { PrimaryContract?: unknown; Accounts?: unknown };
    return { source: { person: person.subject, contract: subject.PrimaryContract ?? null, accounts: subject.Accounts ?? {}, previous: person.account?.data ?? null } };
  };
  return {
    complexFor: (person) => async ({ attribute }) => {
      const result = prefetched.get(person)?.[attribute] ?? (await program.run([sourceOf(person)], [attribute]))[0]?.[attribute];
      if (!result) throw new Error("the script did not run");
      if (result.ok) return result.value;
      // The wrapper adds one line before the administrator's script.
      const line = result.line !== undefined && result.line > 1 ? ` (line ${result.line - 1})` : "";
      throw new Error(`${result.message}${line}`);
    },
    async prefetch(persons) {
      if (persons.length === 0) return;
      const results = await program.run(persons.map(sourceOf), [...scripts.keys()]);
      persons.forEach((person, index) => {
        const own = results[index];
        if (own) prefetched.set(person, own);
      });
    },
    dispose: () => program.dispose(),
  };
}
