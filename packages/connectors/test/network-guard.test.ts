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

  it("refuses every special-purpose range of the IANA registries, in each way an address can be written", () => {
    const refused = [
      // IPv4 Special-Purpose Address Registry, documentation, 6to4 relay, broadcast, multicast.
      "192.0.2.1", "198.51.100.7", "203.0.113.200", "192.88.99.1", "192.0.0.8", "198.19.255.255", "255.255.255.255", "224.0.0.251", "240.0.0.1",
      // IPv4 embedded in IPv6: mapped (dotted and hex), compatible, NAT64 of a private address.
      "::ffff:192.0.2.1", "::ffff:c000:201", "::7f00:1", "::127.0.0.1", "::a00:1", "64:ff9b::127.0.0.1", "64:ff9b::a9fe:a9fe", "64:ff9b::c633:6407",
      // 6to4 (of a loopback and of a public address), local-use NAT64, site-local, SIIT, discard-only.
      "2002:7f00:1::1", "2002:808:808::1", "64:ff9b:1::a00:1", "fec0::1", "::ffff:0:7f00:1", "100::1",
      // Teredo, benchmarking, ORCHID, documentation (both), SRv6 SIDs, multicast, unassigned space.
      "2001::1", "2001:2::1", "2001:10::1", "2001:db8::1", "3fff::1", "5f00::1", "ff02::1", "4000::1", "FE80::1", "fe80::1%eth0",
    ];
    for (const address of refused) expect(isPrivateAddress(address), address).toBe(true);
    // Public addresses, in both families and the embedded forms that lead to them, stay reachable.
    const allowed = ["1.1.1.1", "192.0.3.1", "198.51.101.1", "203.0.114.1", "192.88.100.1", "223.255.255.254", "::ffff:1.1.1.1", "64:ff9b::8.8.8.8", "64:ff9b::808:808", "2a00:1450:4001:80b::200e", "2620:4f:8000::1"];
    for (const address of allowed) expect(isPrivateAddress(address), address).toBe(false);
  });

  it("refuses a URL that names a special-purpose address literally, before any connection", async () => {
    for (const url of ["http://192.0.2.1/", "http://[::7f00:1]/", "http://[2002:7f00:1::1]/", "http://[64:ff9b:1::a00:1]/", "http://[fec0::1]/"]) {
      const error = await publicOnly(url).then(() => undefined, (caught: Error) => caught);
      expect((error?.cause as { code?: string } | undefined)?.code, url).toBe("EPRIVATENETWORK");
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
