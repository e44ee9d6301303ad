import type { TransactionClient } from "@idlife/db";

/**
 * Adds each person's department name: one lookup of the page's department ids in the departments
 * a source delivers (persons hold the department's ExternalId, the code HR uses).
 */
export async function withDepartmentNames<Person extends { departmentId: string | null }>(
  tx: TransactionClient,
  tenantId: string,
  persons: readonly Person[],
): Promise<Array<Person & { departmentName: string | null }>> {
  const ids = [...new Set(persons.flatMap((person) => (person.departmentId ? [person.departmentId] : [])))];
  const departments = ids.length === 0 ? [] : await tx.department.findMany({ where: { tenantId, externalId: { in: ids } }, select: { externalId: true, displayName: true } });
  const names = new Map(departments.map((department) => [department.externalId, department.displayName]));
  return persons.map((person) => ({ ...person, departmentName: (person.departmentId && names.get(person.departmentId)) || null }));
}

/** The known persons among the managers named on a person's contracts, by their ExternalId. */
export async function contractManagersOf(tx: TransactionClient, tenantId: string, data: unknown) {
  const contracts = (data as { Contracts?: unknown } | null)?.Contracts;
  const ids = new Set<string>();
  for (const contract of Array.isArray(contracts) ? contracts : []) {
    const id = (contract as { Manager?: { ExternalId?: unknown } | null } | null)?.Manager?.ExternalId;
    if (typeof id === "string" && id.trim()) ids.add(id.trim());
  }
  if (ids.size === 0) return [];
  const managers = await tx.person.findMany({ where: { tenantId, externalId: { in: [...ids] } }, select: { id: true, externalId: true, displayName: true }, orderBy: { externalId: "asc" } });
  return managers.map((manager) => ({ externalId: manager.externalId, personId: manager.id, displayName: manager.displayName }));
}
