import { randomToken, sha256 } from "./secret-tokens.ts";

// idl_<prefix>_<secret>: the prefix finds the row, the whole key is compared by hash.
const KEY_PATTERN = /^idl_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

export function generateApiKey(): { key: string; prefix: string; secretHash: string } {
  const prefix = randomToken(12).replace(/[^A-Za-z0-9]/g, "").padEnd(12, "0").slice(0, 12);
  const key = `idl_${prefix}_${randomToken(32)}`;
  return { key, prefix, secretHash: sha256(key) };
}

export function parseApiKey(key: string): { prefix: string } | undefined {
  const match = KEY_PATTERN.exec(key);
  return match ? { prefix: match[1]! } : undefined;
}
