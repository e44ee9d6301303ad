/**
 * A script connector's secrets. The script holds only placeholders (`{{secret:apiKey}}`); the
 * HTTP bridge puts the real value in where a request to an allowed host carries a placeholder,
 * and takes it out again of what comes back. What the script returns and logs is redacted too,
 * in case a value reached it anyway (an API that echoes a token in another form).
 */

/** Values this short are too common in ordinary data to redact (they are still never given to a script). */
const MIN_REDACTED_LENGTH = 6;
export const REDACTED = "[redacted]";
const NAME = /^[A-Za-z0-9_.-]{1,100}$/;

export function secretPlaceholder(name: string): string {
  return `{{secret:${name}}}`;
}

type BodyKind = "json" | "form" | "text";

interface Secret {
  name: string;
  placeholder: string;
  /** The placeholder as encodeURIComponent / URLSearchParams write it. */
  encodedPlaceholder: RegExp;
  value: string;
  /** Forms of the value to redact: as is, URL-encoded, JSON-escaped, inside base64. */
  forms: string[];
}

export class SecretSubstitution {
  private readonly secrets: Secret[];

  constructor(secrets: Readonly<Record<string, string>>) {
    this.secrets = Object.entries(secrets).map(([name, value]) => {
      if (!NAME.test(name)) throw new Error(`'${name.slice(0, 100)}' cannot be a secret's name: use letters, digits, '_', '-' and '.' (at most 100)`);
      if (typeof value !== "string") throw new Error(`The secret '${name}' must be text`);
      const placeholder = secretPlaceholder(name);
      return { name, placeholder, encodedPlaceholder: new RegExp(escapeRegExp(encodeURIComponent(placeholder)), "gi"), value, forms: redactedForms(value) };
    });
  }

  /** Name to placeholder: what the script gets as `secrets`. */
  placeholders(): Record<string, string> {
    return Object.fromEntries(this.secrets.map((secret) => [secret.name, secret.placeholder]));
  }

  /** Whether the text holds a placeholder in any form the bridge fills in. */
  mentions(text: string): boolean {
    return this.secrets.some((secret) => text.includes(secret.placeholder) || matches(secret.encodedPlaceholder, text) || (basicAuthText(text)?.includes(secret.placeholder) ?? false));
  }

  /** An address: a placeholder as written becomes the value as is, an encoded one the encoded value. */
  fillUrl(text: string): string {
    return this.fill(text, "form");
  }

  /** A header or query value. A basic authentication header is decoded, filled and encoded again. */
  fillHeader(value: string): string {
    const basic = basicAuthText(value);
    if (basic !== undefined && this.mentions(basic)) return `Basic ${Buffer.from(this.fill(basic, "text"), "utf8").toString("base64")}`;
    return this.fill(value, "text");
  }

  fillBody(body: string, contentType: string | undefined): string {
    const kind: BodyKind = /json/i.test(contentType ?? "") ? "json" : "form";
    return this.fill(body, kind);
  }

  private fill(text: string, kind: BodyKind): string {
    let filled = text;
    for (const secret of this.secrets) {
      const asIs = kind === "json" ? JSON.stringify(secret.value).slice(1, -1) : secret.value;
      filled = filled.split(secret.placeholder).join(asIs);
      filled = filled.replace(secret.encodedPlaceholder, () => encodeURIComponent(secret.value));
    }
    return filled;
  }

  /** Puts the placeholders back where an answer carries a secret's value. */
  conceal(text: string): string {
    let concealed = text;
    for (const secret of this.secrets) for (const form of secret.forms) concealed = concealed.split(form).join(secret.placeholder);
    return concealed;
  }

  /** A copy of JSON data with every secret value (in any of its forms) in text replaced by "[redacted]". */
  redact<T>(value: T): T {
    if (this.secrets.every((secret) => secret.forms.length === 0)) return value;
    return this.redactValue(value) as T;
  }

  redactText(text: string): string {
    let redacted = text;
    for (const secret of this.secrets) for (const form of secret.forms) redacted = redacted.split(form).join(REDACTED);
    return redacted;
  }

  private redactValue(value: unknown): unknown {
    if (typeof value === "string") return this.redactText(value);
    if (Array.isArray(value)) return value.map((item) => this.redactValue(item));
    if (value === null || typeof value !== "object") return value;
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      Object.defineProperty(copy, this.redactText(key), { value: this.redactValue(item), enumerable: true, writable: true, configurable: true });
    }
    return copy;
  }
}

/** The text inside `Basic <base64>`, if the header is one. */
function basicAuthText(header: string): string | undefined {
  const match = /^\s*basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  return match ? Buffer.from(match[1]!, "base64").toString("utf8") : undefined;
}

function redactedForms(value: string): string[] {
  if (value.length < MIN_REDACTED_LENGTH) return [];
  const forms = new Set([value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)]);
  // Inside base64 (basic authentication: base64 of "user:password"), the value's characters depend
  // on where it starts within a group of three bytes: every alignment, without the edge characters
  // it shares with its neighbours.
  const bytes = Buffer.from(value, "utf8");
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString("base64");
    const inner = encoded.slice(Math.ceil((8 * offset) / 6), Math.floor((8 * (offset + bytes.length)) / 6));
    if (inner.length >= MIN_REDACTED_LENGTH) forms.add(inner);
  }
  // Longest first, so a form inside another is not replaced piecemeal.
  return [...forms].sort((a, b) => b.length - a.length);
}

function matches(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(text);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
