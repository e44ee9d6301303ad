import type { TestApi } from "./test-api.ts";

/**
 * Puts a source system, an import and a person into a tenant directly (owner connection), for
 * tests that need such objects to exist without running an import.
 */
export async function arrangePersonsOfTenant(api: TestApi, tenantId: string) {
  const prisma = api.ownerPrisma;
  const source = await prisma.sourceSystem.create({
    data: { tenantId, name: `HR ${tenantId.slice(0, 8)}`, connectorType: "csv", settings: { layout: "single", personKey: "Id" } },
  });
  const run = await prisma.import.create({ data: { tenantId, sourceSystemId: source.id, status: "blocked", trigger: "manual" } });
  const person = await prisma.person.create({
    data: {
      tenantId,
      externalId: `P-${tenantId.slice(0, 8)}`,
      displayName: "Jan de Vries",
      status: "active",
      data: { ExternalId: `P-${tenantId.slice(0, 8)}`, DisplayName: "Jan de Vries", Contact: { Personal: { Email: "jan@prive.example" } }, Contracts: [] },
      sourceSystemIds: [source.id],
      searchText: "jan de vries",
    },
  });
  const personSource = await prisma.personSource.create({ data: { tenantId, personId: person.id, sourceSystemId: source.id, externalId: person.externalId } });
  const suggestion = await prisma.mergeSuggestion.create({ data: { tenantId, personSourceId: personSource.id, candidatePersonId: person.id, score: 95 } });
  const snapshot = await prisma.snapshot.create({ data: { tenantId, cause: "import", importId: run.id, status: "completed", mode: "full" } });
  const targetSystem = await prisma.targetSystem.create({ data: { tenantId, name: `Directory ${tenantId.slice(0, 8)}`, connectorType: "ldap", settings: { url: "ldap://127.0.0.1:1", bindDn: "cn=admin", baseDn: "dc=example" } } });
  return { sourceSystemId: source.id, importId: run.id, personId: person.id, suggestionId: suggestion.id, snapshotId: snapshot.id, targetSystemId: targetSystem.id };
}
