import { afterEach, describe, expect, it } from "vitest";
import { runScriptConnector } from "@idlife/sandbox";
import { connectorFetch, fetchCsvFromUrl, fetchHttpJsonSource, isPrivateAddress } from "../src/index.ts";
import { connectorErrorOf } from "./helpers/expect-connector-error.ts";
import { type TestServer, sendJson, startTestServer } from "./helpers/test-server.ts";

let server: TestServer | undefined;
let requests = 0;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
async function localApi() {
  requests = 0;
  server = await startTestServer((_request, response) => {
    requests++;
    sendJson(response, { data: [{ id: "1001" }] });
  });
  return server;
}

const publicOnly = connectorFetch("deny");

describe("connectors and private networks", () => {
  it("knows private, local and reserved addresses from public ones", () => {
    for (const address of ["127.0.0.1", "10.1.2.3", "172.20.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "::", "fe80::1", "fd12:3456::1", "::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:10.0.0.1"]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ["93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8", "::ffff:808:808"]) {
      expect(isPrivateAddress(address), address).toBe(false);
    }
  });

  it("refuse an HTTP JSON source on a private address, by number or by a name that resolves to one", async () => {
    const api = await localApi();
    const port = new URL(api.origin).port;
    for (const url of [`${api.origin}/persons`, `http://localhost:${port}/persons`, `http://[::ffff:127.0.0.1]:${port}/persons`]) {
      const error = await connectorErrorOf(fetchHttpJsonSource({ url, recordsPath: "data" }, { fetch: publicOnly }));
      expect(error.code).toBe("network");
      expect(error.message).toMatch(/private or local network.*CONNECTOR_PRIVATE_NETWORKS=allow/);
    }
    expect(requests).toBe(0);
    // Allowed (an on-premise installation), the same source works.
    const allowed = await fetchHttpJsonSource({ url: `${api.origin}/persons`, recordsPath: "data" }, { fetch: connectorFetch("allow") });
    expect(allowed.data.persons).toEqual([{ id: "1001" }]);
  });

  it("refuse a CSV download from a private address", async () => {
    const api = await localApi();
    const error = await connectorErrorOf(fetchCsvFromUrl(`${api.origin}/export.csv`, { fetch: publicOnly, retry: { maxRetries: 0 } }));
    expect(error.message).toMatch(/private or local network/);
    expect(requests).toBe(0);
  });

  it("refuse a script connector's request to a private address, even to an allowed host", async () => {
    const api = await localApi();
    await expect(
      runScriptConnector(
        `export default async function ({ config, http }) {
          const response = await http.get(config.url);
          return { persons: response.json().data };
        }`,
        { config: { url: `${api.origin}/persons` }, http: { allowedHosts: ["127.0.0.1"], fetch: publicOnly } },
      ),
    ).rejects.toThrow(/private or local network/);
    expect(requests).toBe(0);
  });
});
