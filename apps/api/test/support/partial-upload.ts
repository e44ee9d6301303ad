import { request } from "node:http";

export interface PartialUploadAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

/**
 * Starts a PUT that declares `declaredBytes` (or is chunked when undefined), sends only `firstBytes`,
 * and keeps the stream open: the promise settles only if the server answers without waiting for
 * the rest of the body. The unsent remainder is never written; the request is dropped afterwards.
 */
export function partialUpload(baseUrl: string, path: string, headers: Record<string, string>, firstBytes: string | Buffer, declaredBytes?: number): Promise<PartialUploadAnswer> {
  const url = new URL(path, baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: "PUT", headers: { ...headers, ...(declaredBytes === undefined ? {} : { "content-length": String(declaredBytes) }) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          outgoing.destroy();
          const text = Buffer.concat(chunks).toString("utf8");
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text ? JSON.parse(text) : undefined });
        });
      },
    );
    outgoing.on("error", (error) => reject(error));
    outgoing.write(firstBytes);
  });
}
