import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The key that encrypts connector secrets at rest (AES-256-GCM). Production must set
 * SECRETS_KEY (32 bytes, base64); elsewhere a fixed development key is used so that a fresh
 * checkout works, which is why development databases must never hold real secrets.
 */
export function resolveSecretsKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  const configured = env.SECRETS_KEY?.trim();
  if (configured) {
    const key = Buffer.from(configured, "base64");
    if (key.length !== 32) throw new Error("SECRETS_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)");
    return key;
  }
  if (env.NODE_ENV === "production") {
    throw new Error("SECRETS_KEY is required in production: generate one with `openssl rand -base64 32`");
  }
  return createHash("sha256").update("idlife development key: not for real secrets").digest();
}

/** Encrypts a JSON object of secrets; the output carries its version, IV and tag. */
export function encryptSecrets(secrets: Record<string, unknown>, key: Buffer): Uint8Array<ArrayBuffer> {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(secrets), "utf8"), cipher.final()]);
  return new Uint8Array(Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), ciphertext]));
}

export function decryptSecrets(sealed: Uint8Array | null | undefined, key: Buffer): Record<string, unknown> {
  if (!sealed || sealed.length === 0) return {};
  const buffer = Buffer.from(sealed);
  if (buffer[0] !== VERSION) throw new Error(`Unknown secrets format version ${buffer[0]}`);
  const iv = buffer.subarray(1, 1 + IV_BYTES);
  const tag = buffer.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv("aes-256-gcm", key, iv);
  decipher.setAuthTag(tag);
  const plain = Buffer.concat([decipher.update(buffer.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
  return JSON.parse(plain.toString("utf8")) as Record<string, unknown>;
}
