import { describe, expect, it } from "vitest";
import { importNow, useFactories, waitForImport, type TestClient } from "@idlife/testing";

// An import's status and counts speak of persons: an import whose mapping blocks persons says so,
// and one that blocks more than the default blocked threshold is held, like any other threshold.
const ctx = useFactories({ worker: true, workerEnv: { FIXED_TODAY: "2026-11-22" } });

/**
 * A new tenant's example HR export (60 persons) with a Name.Initials script and no thresholds of
 * its own, imported once.
 */
async function importExample(initialsScript: string) {
  const tenant = await ctx.newTenant();
  const source = await ctx.newExampleSource(tenant, "hr-visma-raet", {
    mapping: (mapping) => ({ ...mapping, person: { ...mapping.person, "Name.Initials": { type: "complex", script: initialsScript } } }),
  });
  return { client: tenant.client, sourceId: source.id, run: await importNow(tenant.client, source.id) };
}

const personTotal = async (client: TestClient) => (await client.get("/api/v1/persons?limit=1")).body.total as number;

describe("an import's status and person counts", () => {
  it("holds an import whose mapping script throws for all 60 persons: blocked by the default threshold, 0 added, 60 blocked", async () => {
    const { client, sourceId, run } = await importExample("throw new Error('Voorletters ontbreken');");
    expect(run.status, JSON.stringify(run)).toBe("blocked");
    expect(run.state).toBe("blocked");
    expect(run.persons).toEqual({ delivered: 60, added: 0, changed: 0, unchanged: 0, removed: 0, blocked: 60 });
    expect(run.thresholdReport.wouldAdd.count).toBe(0);
    expect(run.thresholdReport.blocked.count).toBe(60);
    expect(run.thresholdReport.reasons.map((reason: { kind: string; limitType: string }) => `${reason.kind} ${reason.limitType}`)).toEqual(["blocked percent", "blocked count"]);
    expect(run.thresholdReport.reasons[0].message).toBe("60 persons are blocked by the mapping (100% of 60 delivered); the limit is 10%");
    expect(await personTotal(client)).toBe(0);
    // The list of a source's imports carries the same person counts.
    const listed = (await client.get(`/api/v1/source-systems/${sourceId}/imports`)).body;
    expect(listed[0]).toMatchObject({ id: run.id, state: "blocked", persons: { added: 0, blocked: 60 } });

    // Approved once, like any held import: it completes, and still says that it blocked everyone.
    expect((await client.post(`/api/v1/imports/${run.id}/approve`)).status).toBe(201);
    const approved = await waitForImport(client, run.id);
    expect(approved).toMatchObject({ status: "completed", state: "completed_with_blocked", persons: { added: 0, blocked: 60 } });
    expect(await personTotal(client)).toBe(0);
  });

  it("completes an import that blocks 2 of 60 persons with a visible '2 blocked' state: 58 added, 2 blocked", async () => {
    const { client, sourceId, run } = await importExample("if (['100101', '100102'].includes(source.Personeelsnummer)) throw new Error('Voorletters ontbreken');\nreturn source.Voorletters;");
    expect(run.status, JSON.stringify(run)).toBe("completed");
    expect(run.state).toBe("completed_with_blocked");
    expect(run.persons).toEqual({ delivered: 60, added: 58, changed: 0, unchanged: 0, removed: 0, blocked: 2 });
    expect(run.counts).toMatchObject({ personsAdded: 58 });
    expect(await personTotal(client)).toBe(58);
    const blocked = (await client.get(`/api/v1/source-systems/${sourceId}/blocked-persons`)).body;
    expect(blocked.map((entry: { externalId: string }) => entry.externalId)).toEqual(["100101", "100102"]);

    // The same delivery again: nothing added or changed, the two are still blocked.
    const again = await importNow(client, sourceId);
    expect(again.state).toBe("completed_with_blocked");
    expect(again.persons).toEqual({ delivered: 60, added: 0, changed: 0, unchanged: 58, removed: 0, blocked: 2 });
  });

  it("an import that blocks no one is plainly completed", async () => {
    const { client, run } = await importExample("return source.Voorletters;");
    expect(run.state).toBe("completed");
    expect(run.persons).toEqual({ delivered: 60, added: 60, changed: 0, unchanged: 0, removed: 0, blocked: 0 });
  });
});
