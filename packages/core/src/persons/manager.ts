import { z } from "zod";
import type { Contract, Department } from "./person-model.ts";

export const ManagerOptionsSchema = z.strictObject({
  source: z.enum(["contract", "department"]),
  walkUpWhenMissingOrSelf: z.boolean(),
});
export type ManagerOptions = z.output<typeof ManagerOptionsSchema>;

/**
 * The contract's own manager when HR fills it in, the department tree otherwise: HR systems
 * (Visma Raet style) often record managers only on departments, and a head of department is
 * managed by whoever leads the department above.
 */
export const DEFAULT_MANAGER_OPTIONS: ManagerOptions = {
  source: "contract",
  walkUpWhenMissingOrSelf: true,
};

export type DepartmentsById =
  | ReadonlyMap<string, Pick<Department, "ManagerExternalId" | "ParentExternalId">>
  | Readonly<Record<string, Pick<Department, "ManagerExternalId" | "ParentExternalId">>>;

type ManagedContract = Pick<Contract, "Manager" | "Department">;

function lookup(departments: DepartmentsById, id: string) {
  if (departments instanceof Map) return departments.get(id);
  const record = departments as Readonly<Record<string, Department>>;
  return Object.hasOwn(record, id) ? record[id] : undefined;
}

function nonEmpty(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function fromDepartments(
  personExternalId: string,
  departmentExternalId: string | null,
  departments: DepartmentsById,
  walkUp: boolean,
): string | null {
  // A department tree from an HR export can contain a cycle; each department is visited once.
  const visited = new Set<string>();
  let current = departmentExternalId;
  while (current !== null && !visited.has(current)) {
    visited.add(current);
    const department = lookup(departments, current);
    if (!department) return null;
    const manager = nonEmpty(department.ManagerExternalId);
    if (manager !== null && manager !== personExternalId) return manager;
    if (!walkUp) return null;
    current = nonEmpty(department.ParentExternalId);
  }
  return null;
}

/**
 * The person's manager (a person ExternalId), or null.
 * - source "contract": the primary contract's Manager.ExternalId; when it is missing (or the
 *   person themself) and walking up is on, the department route below decides instead.
 * - source "department": the manager of the primary contract's department; when that department
 *   has no manager or is managed by the person themself, walk up ParentExternalId if allowed.
 * A person is never returned as their own manager: with walking up off, that yields null, since
 * mail meant for a manager must not go to the person it is about.
 */
export function resolveManager(
  person: { ExternalId: string },
  primaryContract: ManagedContract | null | undefined,
  departmentsById: DepartmentsById,
  options: ManagerOptions,
): string | null {
  if (!primaryContract) return null;
  const walkUp = options.walkUpWhenMissingOrSelf;
  const departmentId = nonEmpty(primaryContract.Department?.ExternalId);
  if (options.source === "contract") {
    const manager = nonEmpty(primaryContract.Manager?.ExternalId);
    if (manager !== null && manager !== person.ExternalId) return manager;
    if (!walkUp) return null;
  }
  return fromDepartments(person.ExternalId, departmentId, departmentsById, walkUp);
}
