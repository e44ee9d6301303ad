export interface OrderedSystem {
  id: string;
  name: string;
  usesAccountDataFrom: readonly string[];
}

export class SystemCycleError extends Error {
  constructor(readonly cycle: string[]) {
    super(`The target systems use each other's account data in a circle (${cycle.join(" -> ")}); one of them must stop using the other's data`);
    this.name = "SystemCycleError";
  }
}

/**
 * The systems in an order in which each comes after the systems whose account data it uses
 * (the SCIM app after AD when it uses AD's mail). A cycle is refused, naming the systems in it.
 * Systems a mapping names that are not in the list are ignored (deleted meanwhile).
 */
export function orderSystems<System extends OrderedSystem>(systems: readonly System[]): System[] {
  const byId = new Map(systems.map((system) => [system.id, system]));
  const state = new Map<string, "visiting" | "done">();
  const ordered: System[] = [];
  const visit = (system: System, path: System[]) => {
    const seen = state.get(system.id);
    if (seen === "done") return;
    if (seen === "visiting") {
      const start = path.indexOf(system);
      throw new SystemCycleError([...path.slice(start), system].map((entry) => entry.name));
    }
    state.set(system.id, "visiting");
    for (const dependency of system.usesAccountDataFrom) {
      const other = byId.get(dependency);
      if (other) visit(other, [...path, system]);
    }
    state.set(system.id, "done");
    ordered.push(system);
  };
  for (const system of systems) visit(system, []);
  return ordered;
}
