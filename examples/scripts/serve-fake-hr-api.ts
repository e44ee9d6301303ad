/**
 * Serves examples/scripts/fake-hr-api.json as the fictional AFAS-like HR API that
 * examples/scripts/hr-script-connector.js reads, for tests and for trying the demo by hand.
 *
 *   GET {baseUrl}/connectors/{name}?skip=0&take=25   Authorization: AfasToken <token>
 *   -> 200 { skip, take, rows }   (rows past the end: an empty list)
 *   -> 401 without the right token, 404 for an unknown connector, 400 for a bad skip/take
 *
 * In a test:
 *   const api = await startFakeHrApi();            // a free port on 127.0.0.1
 *   config = { baseUrl: api.baseUrl, token: api.token };
 *   ...; await api.close();
 * By hand: pnpm exec tsx examples/scripts/serve-fake-hr-api.ts --port 4010
 * Node built-ins only.
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";

export interface FakeHrApiPage {
  skip: number;
  take: number;
  rows: Record<string, unknown>[];
}

export interface FakeHrApiData {
  description: string;
  pageSize: number;
  auth: { header: string; value: string; scriptConfigToken: string };
  connectors: Record<string, FakeHrApiPage[]>;
}

export interface FakeHrApiOptions {
  port?: number;
  host?: string;
  /** Answer every request with this status (for error-path tests), e.g. 500. */
  failWith?: number;
  /** Other data than the committed file (a test that changes an employee). */
  data?: FakeHrApiData;
}

export interface FakeHrApi {
  /** The script's config.baseUrl. */
  baseUrl: string;
  /** The script's secrets.token. */
  token: string;
  /** Every request path with its query, in order ("/connectors/SOOR_Medewerkers?skip=0&take=25"). */
  requests: string[];
  close(): Promise<void>;
}

export const FAKE_HR_API_FILE = fileURLToPath(new URL("./fake-hr-api.json", import.meta.url));

export function loadFakeHrApiData(): FakeHrApiData {
  return JSON.parse(readFileSync(FAKE_HR_API_FILE, "utf8")) as FakeHrApiData;
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  response.end(text);
}

export async function startFakeHrApi(options: FakeHrApiOptions = {}): Promise<FakeHrApi> {
  const data = options.data ?? loadFakeHrApiData();
  // Pages are served by slicing all rows, so any take works, not only the file's page size.
  const rowsByConnector = new Map(
    Object.entries(data.connectors).map(([name, pages]) => [name, pages.flatMap((page) => page.rows)]),
  );
  const requests: string[] = [];

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    requests.push(`${url.pathname}${url.search}`);
    if (options.failWith) return send(response, options.failWith, { error: `failing with ${options.failWith} on request` });
    if (request.method !== "GET") return send(response, 405, { error: "only GET" });
    if (request.headers[data.auth.header.toLowerCase()] !== data.auth.value) {
      return send(response, 401, { error: "missing or wrong AfasToken" });
    }
    const match = /^\/connectors\/([A-Za-z0-9_]+)$/.exec(url.pathname);
    const rows = match ? rowsByConnector.get(match[1]!) : undefined;
    if (!rows) return send(response, 404, { error: `no connector at ${url.pathname}` });
    const skip = Number(url.searchParams.get("skip") ?? "0");
    const take = Number(url.searchParams.get("take") ?? String(data.pageSize));
    if (!Number.isInteger(skip) || skip < 0 || !Number.isInteger(take) || take < 1 || take > 1000) {
      return send(response, 400, { error: "skip must be >= 0 and take 1..1000" });
    }
    return send(response, 200, { skip, take, rows: rows.slice(skip, skip + take) });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    baseUrl: `http://${host}:${address.port}`,
    token: data.auth.scriptConfigToken,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const portIndex = process.argv.indexOf("--port");
  const port = portIndex > 0 ? Number(process.argv[portIndex + 1]) : 4010;
  const api = await startFakeHrApi({ port });
  console.log(`fake HR API on ${api.baseUrl}`);
  console.log(`script config: ${JSON.stringify({ baseUrl: api.baseUrl, token: api.token })}`);
}
