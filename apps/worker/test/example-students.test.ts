import { describe, expect, it } from "vitest";
import { readExample, startTestWorker, useFactories, waitForImport, type FactorySource, type FactoryTenant } from "@idlife/testing";

// The example student system across a new school year (examples/README.md, "Students").
// No worker of the file's own: each school year starts one whose "today" is that year's date.
const ctx = useFactories();

/** A worker whose "today" is the given date (the example files are written for fixed dates). */
const workerOn = (today: string) => startTestWorker(ctx.api, { FIXED_TODAY: today });

/** Imports an example file and returns the import however it ended. */
const importFile = (tenant: FactoryTenant, source: FactorySource, file: string) => ctx.importCsv(tenant, source, readExample(file), { expectStatus: null });

const person = (tenant: FactoryTenant, externalId: string) => ctx.personByExternalId(tenant, externalId);

describe("the example student system over a new school year", () => {
  it("imports the students, blocks the new year's 10.8% removals, and applies them once approved", async () => {
    const tenant = await ctx.newTenant();
    const { client, tenantId } = tenant;
    const source = await ctx.newExampleSource(tenant, "students");

    let worker = await workerOn("2026-11-22");
    try {
      const first = await importFile(tenant, source, "students/students.csv");
      expect(first.status, JSON.stringify(first)).toBe("completed");
      expect(first.counts).toMatchObject({ fetched: 120, blocked: 0 });
      expect((await person(tenant, "210001")).status).toBe("future");
      // Twins share birth date and family name: two persons, not one.
      expect((await person(tenant, "210021")).displayName).toBe("Sem de Boer");
      expect((await person(tenant, "210022")).displayName).toBe("Julia de Boer");
    } finally {
      await worker.close();
    }

    worker = await workerOn("2027-09-06");
    try {
      const next = await importFile(tenant, source, "students/students-next-year.csv");
      expect(next.status).toBe("blocked");
      expect(next.thresholdReport.wouldRemove.count).toBe(13);
      expect(next.thresholdReport.wouldAdd.count).toBe(10);
      expect(await ctx.api.ownerPrisma.person.count({ where: { tenantId, status: "former" } })).toBe(0);

      expect((await client.post(`/api/v1/imports/${next.id}/approve`)).status).toBe(201);
      const approved = await waitForImport(client, next.id);
      expect(approved.status, JSON.stringify(approved)).toBe("completed");
      expect((await person(tenant, "210037")).status).toBe("former");
      const mila = await person(tenant, "210036");
      expect(mila.primaryContractId).toBe("210036-30RC00");
      const history = (await client.get(`/api/v1/persons/${mila.id}/history`)).body;
      expect(history.some((entry: { field: string; kind: string }) => entry.field === "Contracts[210036-30RC00]" && entry.kind === "added")).toBe(true);
      expect((await person(tenant, "210001")).status).toBe("active");
    } finally {
      await worker.close();
    }
  });
});
