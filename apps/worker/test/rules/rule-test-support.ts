// Shared by the rules tests against slapd: persons as a snapshot leaves them, and a rule published
// the way an administrator does it (simulated first).
import type { Prisma } from "@idlife/db";
import { createBusinessRule, evaluatePersons, publishBusinessRule, startEvaluation, type TenantScope } from "@idlife/use-cases";
import type { JobProducer } from "@idlife/jobs";
import type { SlapdPeer } from "@idlife/testing/peers";
import { type EngineTest, organizationalUnit, seedSlapdSystem } from "../targets/engine-test-support.ts";

export type ContractSpec = { id: string; school?: string; start?: string; end?: string };

/** The person model with its contracts, the first one named the primary contract. */
export function personData(externalId: string, name: string, contracts: ContractSpec[]) {
  return {
    ExternalId: externalId,
    DisplayName: name,
    Name: { GivenName: name.split(" ")[0], FamilyName: name.split(" ")[1] },
    PrimaryContract: { ExternalId: contracts[0]!.id },
    Contracts: contracts.map((contract) => ({ ExternalId: contract.id, StartDate: contract.start ?? "2020-01-01", EndDate: contract.end ?? null, Location: { ExternalId: contract.school ?? "SCH-X", Code: null, Name: null } })),
  };
}

export async function seedContractPerson(owner: Prisma, tenantId: string, externalId: string, name: string, contracts: ContractSpec[]) {
  return owner.person.create({ data: { tenantId, externalId, displayName: name, status: "active", searchText: externalId, data: personData(externalId, name, contracts), primaryContractId: contracts[0]!.id } });
}

/** Creates a rule, simulates it and publishes it with that simulation. */
export async function publishRule(deps: { db: TenantScope; jobs: JobProducer }, rule: Parameters<typeof createBusinessRule>[1], today = "2026-12-04") {
  const created = await createBusinessRule({ db: deps.db }, rule);
  const simulation = await startEvaluation(deps, { mode: "simulation", today });
  await evaluatePersons({ db: deps.db }, { evaluationId: simulation.id });
  return publishBusinessRule({ db: deps.db }, { ruleId: created.id, simulationId: simulation.id });
}

/** An AD-shaped slapd target system in an OU of its own: cn from DisplayName on create, sn from the family name. */
export async function seedDirectorySystem(test: EngineTest, peer: SlapdPeer, tenantId: string, name: string) {
  const base = await organizationalUnit(peer, `${name}-${Date.now()}`);
  const system = await seedSlapdSystem(test, peer, tenantId, base, {
    fieldMapping: [
      { attribute: "cn", kind: "field", field: "DisplayName", actions: ["create"] },
      { attribute: "sn", kind: "field", field: "Name.FamilyName" },
    ],
  });
  return { base, system };
}
