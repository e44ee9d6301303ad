import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A random, URL-safe secret: session cookies, reset tokens, API keys. */
export const randomToken = (bytes = 32) => randomBytes(bytes).toString("base64url");

/** High-entropy secrets are stored as their SHA-256: a leaked table reveals no usable secret. */
export const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}
