/**
 * The cycle benchmark's data: persons as a snapshot leaves them (the person model with one
 * contract at a school, with a title, named as the primary contract) and the published rules
 * "school S, title T: account, access and the school's group", made through the use cases
 * (create, simulate, publish) as an administrator would.
 */
import { randomBytes } from "node:crypto";
import type { Prisma } from "../../packages/db/src/index.ts";
import type { JobProducer } from "../../packages/jobs/src/index.ts";
import { createBusinessRule, evaluatePersons, publishBusinessRule, startEvaluation, type TenantScope } from "../../packages/use-cases/src/index.ts";

export const TODAY = "2026-12-04";
export const TITLES = ["LEERLING", "LERAAR", "ONDERWIJSASSISTENT"] as const;
const INSERT_BATCH = 5_000;

export interface Population {
  staff: number;
  students: number;
  schools: number;
}

export const schoolId = (index: number) => `SCH-${String(index).padStart(3, "0")}`;

/** Staff spread over the schools as teachers and assistants (3:1), students over the schools. */
export async function seedPersons(owner: Prisma, tenantId: string, population: Population): Promise<number> {
  const stamp = randomBytes(2).toString("hex");
  const total = population.staff + population.students;
  for (let start = 0; start < total; start += INSERT_BATCH) {
    const rows = [];
    for (let index = start; index < Math.min(total, start + INSERT_BATCH); index++) {
      const student = index >= population.staff;
      const title = student ? "LEERLING" : index % 4 === 3 ? "ONDERWIJSASSISTENT" : "LERAAR";
      const externalId = `${student ? "s" : "e"}${stamp}${String(index).padStart(6, "0")}`;
      const contract = {
        ExternalId: `${externalId}-1`,
        StartDate: "2020-01-01",
        EndDate: null,
        Location: { ExternalId: schoolId(index % population.schools), Code: null, Name: null },
        Title: { ExternalId: title, Code: null, Name: title },
      };
      const name = { GivenName: "Bench", FamilyName: `Person${index}` };
      rows.push({
        tenantId,
        externalId,
        displayName: `Bench ${externalId}`,
        status: "active" as const,
        searchText: externalId,
        primaryContractId: contract.ExternalId,
        data: { ExternalId: externalId, DisplayName: `Bench ${externalId}`, Name: name, PrimaryContract: { ExternalId: contract.ExternalId }, Contracts: [contract] },
      });
    }
    await owner.person.createMany({ data: rows });
  }
  return total;
}

/**
 * `count` rules, three per school (one per title) from the first school on: condition on the
 * contract's location and title (equals), entitlements account, access and the school's group.
 * Simulated once (all drafts) and published. Returns the simulation's seconds.
 */
export async function publishRules(db: TenantScope, jobs: JobProducer, targetSystemId: string, count: number, schools: number): Promise<number> {
  const ruleIds: string[] = [];
  for (let index = 0; index < count; index++) {
    const school = schoolId(Math.floor(index / TITLES.length) % schools);
    const title = TITLES[index % TITLES.length]!;
    const rule = await createBusinessRule({ db }, {
      name: `Rule ${index + 1}: ${school} ${title}`,
      definition: {
        condition: {
          kind: "all",
          conditions: [
            { kind: "field", field: "Contract.Location.ExternalId", operator: "equals", value: school },
            { kind: "field", field: "Contract.Title.ExternalId", operator: "equals", value: title },
          ],
        },
        entitlements: [
          { kind: "account", targetSystemId },
          { kind: "access", targetSystemId },
          { kind: "dynamic-permission", targetSystemId, nameTemplate: "school-{Contract.Location.ExternalId}-{Contract.Title.ExternalId}", create: true },
        ],
      },
    });
    ruleIds.push(rule.id);
  }
  const started = performance.now();
  const simulation = await startEvaluation({ db, jobs }, { mode: "simulation", today: TODAY });
  await evaluatePersons({ db }, { evaluationId: simulation.id });
  const seconds = (performance.now() - started) / 1000;
  for (const ruleId of ruleIds) await publishBusinessRule({ db }, { ruleId, simulationId: simulation.id });
  return seconds;
}

/** A published evaluation of everyone, timed; its id and seconds. */
export async function evaluatePublished(db: TenantScope, jobs: JobProducer): Promise<{ evaluationId: string; seconds: number }> {
  const started = await startEvaluation({ db, jobs }, { mode: "published", today: TODAY });
  const clock = performance.now();
  await evaluatePersons({ db }, { evaluationId: started.id });
  return { evaluationId: started.id, seconds: (performance.now() - clock) / 1000 };
}
