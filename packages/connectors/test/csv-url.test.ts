import { afterEach, describe, expect, it } from "vitest";
import { fetchCsvFromUrl, fetchCsvSource } from "../src/index.ts";
import { connectorErrorOf } from "./helpers/expect-connector-error.ts";
import { HR_SINGLE_FILE, HR_CONTRACT_COLUMNS, windows1252 } from "./helpers/dutch-hr-exports.ts";
import { type TestServer, startTestServer } from "./helpers/test-server.ts";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("CSV files the worker downloads", () => {
  it("downloads the export with basic auth and reads it like an upload", async () => {
    server = await startTestServer((request, response) => {
      if (request.headers.authorization !== `Basic ${Buffer.from("export:Geheim!").toString("base64")}`) {
        response.writeHead(401).end("wrong credentials");
        return;
      }
      response.writeHead(200, { "content-type": "text/csv; charset=windows-1252" });
      response.end(windows1252(HR_SINGLE_FILE));
    });
    const result = await fetchCsvSource({
      layout: "single",
      persons: {
        url: `${server.origin}/exports/medewerkers.csv`,
        encoding: "windows-1252",
        personKey: "Personeelsnummer",
        contractColumns: HR_CONTRACT_COLUMNS,
      },
      download: { auth: { type: "basic", username: "export", password: "Geheim!" } },
    });
    expect(result.data.persons.map((person) => person.Roepnaam)).toEqual(["Anouk", "Daniël", "Zoë", "Noël"]);
    expect(server.requests[0]?.headers.accept).toMatch(/^text\/csv/);
  });

  it("names the URL (without its secrets) and the status when the download fails", async () => {
    server = await startTestServer((_request, response) => response.writeHead(404, { "content-type": "text/plain" }).end("No such export"));
    const error = await connectorErrorOf(
      fetchCsvFromUrl(`${server.origin}/exports/personen.csv?sig=abc123&school=BRIN01`, { auth: { type: "bearer", token: "t0ken" } }),
    );
    expect(error.code).toBe("http_status");
    expect(error.message).toBe(`GET ${server.origin}/exports/personen.csv?sig=***&school=BRIN01 answered 404 Not Found: No such export. Check the URL.`);
    expect(error.message).not.toContain("abc123");
  });

  it("refuses a web page or sign-in page instead of the file", async () => {
    server = await startTestServer((_request, response) => {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end("<!DOCTYPE html><html><body>Sign in to SharePoint</body></html>");
    });
    const error = await connectorErrorOf(fetchCsvFromUrl(`${server.origin}/personen.csv`));
    expect(error.code).toBe("http_html");
    expect(error.message).toBe(
      `GET ${server.origin}/personen.csv answered HTML (content-type text/html; charset=utf-8), not a CSV file: ` +
        "is the URL the file's download link, not the web page (or sign-in page) that shows it?",
    );
  });

  it("refuses a file announced larger than the limit without reading it", async () => {
    server = await startTestServer((_request, response) => {
      response.writeHead(200, { "content-type": "text/csv", "content-length": String(200 * 1024 * 1024) });
      response.write("nr;naam\n");
      // The body never completes; the connector must not wait for it.
    });
    const error = await connectorErrorOf(fetchCsvFromUrl(`${server.origin}/groot.csv`));
    expect(error.code).toBe("response_too_large");
    expect(error.message).toBe(
      `GET ${server.origin}/groot.csv answered 200 MB, more than the limit of 100 MB: check that the URL points to the right export, or raise maxBytes`,
    );
  });

  it("stops reading a streamed file as soon as it passes the limit", async () => {
    let bytesSent = 0;
    server = await startTestServer((_request, response) => {
      response.writeHead(200, { "content-type": "text/csv" });
      const chunk = Buffer.alloc(64 * 1024, "x");
      const timer = setInterval(() => {
        if (bytesSent >= 20 * 1024 * 1024 || response.destroyed) {
          clearInterval(timer);
          response.end();
          return;
        }
        bytesSent += chunk.length;
        response.write(chunk);
      }, 1);
    });
    const error = await connectorErrorOf(fetchCsvFromUrl(`${server.origin}/stroom.csv`, { maxBytes: 1024 * 1024 }));
    expect(error.message).toBe(
      `GET ${server.origin}/stroom.csv answered more than the limit of 1 MB: check that the URL points to the right export, or raise maxBytes`,
    );
    expect(bytesSent).toBeLessThan(10 * 1024 * 1024);
  });

  it("gives up on a server that does not answer in time", async () => {
    server = await startTestServer(() => {
      // Never answers.
    });
    const error = await connectorErrorOf(fetchCsvFromUrl(`${server.origin}/traag.csv`, { timeoutMs: 300 }));
    expect(error.code).toBe("timeout");
    expect(error.message).toBe(
      `GET ${server.origin}/traag.csv did not answer completely within 0.3 s: the server is slow or unreachable; try again later or raise timeoutMs`,
    );
  });

  it("explains a refused connection", async () => {
    server = await startTestServer(() => undefined);
    const origin = server.origin;
    await server.close();
    server = undefined;
    const error = await connectorErrorOf(fetchCsvFromUrl(`${origin}/personen.csv`));
    expect(error.code).toBe("network");
    expect(error.message).toBe(
      `GET ${origin}/personen.csv failed: the connection was refused: check the host and port and that the service is running`,
    );
  });
});
