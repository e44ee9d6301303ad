import { request, type ClientRequest, type IncomingMessage } from "node:http";

export interface PartialUploadAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

/** Reads the answer, then drops the request (whatever of its body was not sent stays unsent). */
function answerOf(outgoing: ClientRequest, response: IncomingMessage, resolve: (answer: PartialUploadAnswer) => void) {
  const chunks: Buffer[] = [];
  response.on("data", (chunk: Buffer) => chunks.push(chunk));
  response.on("end", () => {
    outgoing.destroy();
    const text = Buffer.concat(chunks).toString("utf8");
    resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text ? JSON.parse(text) : undefined });
  });
}

/**
 * Starts a PUT that declares `declaredBytes` (or is chunked when undefined), sends only `firstBytes`,
 * and keeps the stream open: the promise settles only if the server answers without waiting for
 * the rest of the body.
 */
export function partialUpload(baseUrl: string, path: string, headers: Record<string, string>, firstBytes: string | Buffer, declaredBytes?: number): Promise<PartialUploadAnswer> {
  const url = new URL(path, baseUrl);
  return new Promise((resolve, reject) => {
    const length = declaredBytes === undefined ? {} : { "content-length": String(declaredBytes) };
    const outgoing = request({ host: url.hostname, port: url.port, path: url.pathname, method: "PUT", headers: { ...headers, ...length } }, (response) =>
      answerOf(outgoing, response, resolve),
    );
    outgoing.on("error", (error) => reject(error));
    outgoing.write(firstBytes);
  });
}

/**
 * A PUT with "Expect: 100-continue" that sends its body only once the server says to go ahead.
 * `continued` tells whether it did; a refusal should come without it.
 */
export function uploadAfterContinue(baseUrl: string, path: string, headers: Record<string, string>, body: string): Promise<PartialUploadAnswer & { continued: boolean }> {
  const url = new URL(path, baseUrl);
  let continued = false;
  return new Promise((resolve, reject) => {
    const length = { expect: "100-continue", "content-length": String(Buffer.byteLength(body)) };
    const outgoing = request({ host: url.hostname, port: url.port, path: url.pathname, method: "PUT", headers: { ...headers, ...length } }, (response) =>
      answerOf(outgoing, response, (answer) => resolve({ ...answer, continued })),
    );
    outgoing.on("continue", () => {
      continued = true;
      outgoing.end(body);
    });
    outgoing.on("error", (error) => reject(error));
    outgoing.flushHeaders();
  });
}
