import { describe, expect, it } from "vitest";
import { useHttpServer } from "@idlife/testing";
import { useApiWithWorker, waitForImport } from "./support.ts";

// A worker as deployed: connectors may not reach private or local networks (the default).
const stack = useApiWithWorker({ CONNECTOR_PRIVATE_NETWORKS: "deny" });
let requests = 0;
const server = useHttpServer((_request, response) => {
  requests++;
  response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ data: [{ id: "1001" }] }));
});

describe("a worker that refuses private networks", () => {
  it("ends an import from a local address with a clear error, sends it no request and changes nothing", async () => {
    const { client } = await stack.api.createTenantWithMember("owner");
    const port = new URL(server.url).port;
    for (const [connectorType, settings] of [
      ["http_json", { url: `${server.url}/persons`, recordsPath: "data" }],
      // The metadata service of every cloud, and a name that resolves to this machine.
      ["http_json", { url: `http://169.254.169.254/latest/meta-data/`, recordsPath: "data" }],
      ["http_json", { url: `http://localhost:${port}/persons`, recordsPath: "data" }],
      ["script", { script: `export default async function ({ http }) { return { persons: (await http.get("${server.url}/persons")).json().data }; }`, allowedHosts: ["127.0.0.1"] }],
    ] as const) {
      const created = await client.post("/api/v1/source-systems", { name: `Source ${requests}-${Math.random()}`, connectorType, settings, mapping: { person: { ExternalId: { type: "field", path: "id" } }, contract: {} } });
      expect(created.status, created.text).toBe(201);
      const run = await waitForImport(client, (await client.post(`/api/v1/source-systems/${created.body.id}/imports`, {})).body.id);
      expect(run.status, JSON.stringify(run)).toBe("failed");
      expect(run.error).toMatch(/private or local network/);
    }
    expect(requests).toBe(0);
    expect((await client.get("/api/v1/persons")).body.items).toEqual([]);
  });
});
