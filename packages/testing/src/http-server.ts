import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";

export interface TestHttpServer {
  /** http://127.0.0.1:<port>, once the file's tests run. */
  readonly url: string;
}

/** An HTTP server on 127.0.0.1 (a free port) for the test file: a source's API as a connector sees it. */
export function useHttpServer(listener: RequestListener): TestHttpServer {
  let server: Server | undefined;
  let url = "";
  beforeAll(async () => {
    server = createServer(listener);
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));
  return {
    get url() {
      return url;
    },
  };
}
