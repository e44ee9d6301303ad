// An HTTP JSON source imports the same whichever spelling of its type it was created with: the
// registry's http-json or the former http_json that older clients still send.
import { describe, expect, it } from "vitest";
import { useHttpServer } from "@idlife/testing";
import { importNow, useApiWithWorker } from "./support.ts";

const stack = useApiWithWorker();
const server = useHttpServer((request, response) => {
  const source = new URL(request.url ?? "/", "http://localhost").searchParams.get("source");
  response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ data: [{ id: `${source}-1`, name: `Person of ${source}` }] }));
});

describe("an HTTP JSON source", () => {
  it("imports its persons when created as http-json and when created as http_json", async () => {
    const { client } = await stack.api.createTenantWithMember("owner");
    const mapping = { person: { ExternalId: { type: "field", path: "id" }, DisplayName: { type: "field", path: "name" } }, contract: {} };
    for (const [source, connectorType] of [["new", "http-json"], ["old", "http_json"]] as const) {
      const created = await client.post("/api/v1/source-systems", { name: `HR ${source}`, connectorType, settings: { url: `${server.url}/persons?source=${source}`, recordsPath: "data" }, mapping });
      expect(created.status, created.text).toBe(201);
      expect(created.body.connectorType).toBe("http-json");
      const run = await importNow(client, created.body.id);
      expect(run.status, JSON.stringify(run)).toBe("completed");
    }
    const persons = (await client.get("/api/v1/persons")).body.items.map((person: { externalId: string }) => person.externalId).sort();
    expect(persons).toEqual(["new-1", "old-1"]);
  });
});
