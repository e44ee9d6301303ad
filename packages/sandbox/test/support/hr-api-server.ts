import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface HrApiServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  port: number;
  /** Every request as "METHOD /path?query". */
  requests: string[];
  close(): Promise<void>;
}

const TOKEN = "test-token";
export const HR_API_TOKEN = TOKEN;

/**
 * A small HR system on 127.0.0.1 with a random port: paginated persons (each with contracts) and
 * departments behind a bearer token, plus a few answers for testing the bridge's limits.
 */
export async function startHrApiServer(personCount: number): Promise<HrApiServer> {
  const persons = Array.from({ length: personCount }, (_, index) => ({
    id: `E${1000 + index}`,
    firstName: `First${index}`,
    lastName: `Last${index}`,
    contracts: [{ id: `C${1000 + index}`, department: index % 2 === 0 ? "HR" : "IT", fte: 1 }],
  }));
  const requests: string[] = [];

  const server = createServer(async (request, response) => {
    requests.push(`${request.method} ${request.url}`);
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { "content-type": "application/json", ...headers });
      response.end(typeof body === "string" ? body : JSON.stringify(body));
    };
    if (url.pathname === "/slow") {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      return send(200, { slow: true });
    }
    if (url.pathname === "/big") return send(200, "x".repeat(64 * 1024), { "content-type": "text/plain" });
    if (url.pathname === "/html-error") return send(500, "<html><body>Gateway error</body></html>", { "content-type": "text/html" });
    if (url.pathname === "/redirect-elsewhere") {
      response.writeHead(302, { location: `http://localhost:${port}/persons` });
      return response.end();
    }
    if (request.headers.authorization !== `Bearer ${TOKEN}`) return send(401, { error: "missing or wrong token" });
    if (url.pathname === "/persons") {
      const page = Number(url.searchParams.get("page") ?? "1");
      const pageSize = Number(url.searchParams.get("pageSize") ?? "10");
      const data = persons.slice((page - 1) * pageSize, page * pageSize);
      return send(200, { data, nextPage: page * pageSize < persons.length ? page + 1 : null });
    }
    if (url.pathname === "/departments") {
      return send(200, [
        { code: "HR", name: "Human Resources", parent: null },
        { code: "IT", name: "Information Technology", parent: "HR" },
      ]);
    }
    if (url.pathname === "/echo" && request.method === "POST") {
      return send(200, { received: JSON.parse(await readBody(request)), contentType: request.headers["content-type"] });
    }
    send(404, { error: "not found" });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets and the requests the tests abandoned would hold close() open.
        server.closeAllConnections();
      }),
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
