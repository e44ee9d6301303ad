// Reading back what an import or snapshot made, as the portal's screens read it.
import { expect } from "vitest";
import type { TestClient } from "@idlife/api/testing";
import { waitFor } from "./harness.ts";

export type ListedPerson = { id: string; externalId: string; displayName: string; status: string; pendingMerge: boolean; sourceSystemIds: string[] };

/** The tenant's persons as the persons list shows them (the first 100). */
export const personsOf = async (client: TestClient) => (await client.get("/api/v1/persons?limit=100")).body.items as ListedPerson[];
export const byExternalId = (persons: ListedPerson[], externalId: string) => persons.find((person) => person.externalId === externalId)!;

/** The snapshot an import started. */
export async function snapshotOf(client: TestClient, importId: string) {
  const snapshots = (await client.get("/api/v1/snapshots?limit=50")).body as Array<{ id: string; importId: string | null; mode: string; status: string; counts: Record<string, number> }>;
  return snapshots.find((snapshot) => snapshot.importId === importId)!;
}

/** Decides every person from scratch (as after a configuration change) and returns the finished snapshot. */
export async function runFullSnapshot(client: TestClient) {
  const full = await client.post("/api/v1/snapshots", {});
  expect(full.status, full.text).toBe(202);
  return waitFor("the full snapshot", async () => {
    const done = (await client.get(`/api/v1/snapshots/${full.body.id}`)).body as { status: string; mode: string; counts: Record<string, number> };
    return ["completed", "failed"].includes(done.status) ? done : undefined;
  });
}
