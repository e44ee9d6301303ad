import type { Request, Response } from "express";
import { ApiError, payloadTooLarge } from "./api-error.ts";

/**
 * Reads a request body that no parser has touched (file uploads), counting bytes as they arrive:
 * a declared Content-Length over the limit is refused before reading, and a body that grows past
 * the limit (chunked, or a Content-Length that lied) is refused at the first byte too many. Called
 * only after the route's access checks, so a stranger never makes the API hold a file in memory.
 * On refusal the rest is left unread; the error answer closes the connection (see closeIfUnread).
 */
export function readBodyWithin(request: Request, limitBytes: number): Promise<Buffer> {
  const declared = Number(request.headers["content-length"] ?? Number.NaN);
  if (declared > limitBytes) return Promise.reject(payloadTooLarge(limitBytes));
  // A sender that asked "Expect: 100-continue" is told to go ahead only now (see create-app.ts).
  if (/100-continue/i.test(request.headers.expect ?? "")) request.res?.writeContinue();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const stop = (error: ApiError) => {
      request.off("data", onData).off("end", onEnd).off("error", onError).off("aborted", onAborted);
      request.pause();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limitBytes) return stop(payloadTooLarge(limitBytes));
      chunks.push(chunk);
    };
    const onEnd = () => resolve(Buffer.concat(chunks, received));
    const onError = () => stop(new ApiError(400, "upload_interrupted", "The upload was interrupted; send the file again."));
    const onAborted = onError;
    request.on("data", onData).on("end", onEnd).on("error", onError).on("aborted", onAborted);
  });
}

/** An answer sent before the request body was read closes the connection rather than drain the rest. */
export function closeIfUnread(request: Request, response: Response): void {
  if (!request.complete) response.setHeader("Connection", "close");
}
