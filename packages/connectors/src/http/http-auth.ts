import { z } from "zod";

/** Authentication for HTTP sources. Passwords, tokens and key values are secret fields. */
export const httpAuthSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("none") }),
  z.object({ type: z.literal("basic"), username: z.string().min(1), password: z.string() }),
  z.object({ type: z.literal("bearer"), token: z.string().min(1) }),
  z.object({ type: z.literal("api-key"), header: z.string().min(1), value: z.string().min(1) }),
  z.object({ type: z.literal("api-key-query"), param: z.string().min(1), value: z.string().min(1) }),
]);

export type HttpAuth = z.output<typeof httpAuthSchema>;

/** Paths of the secret values inside an auth object, relative to where the auth object sits. */
export const httpAuthSecretFields = ["password", "token", "value"] as const;

export function authHeaders(auth: HttpAuth): Record<string, string> {
  switch (auth.type) {
    case "basic":
      return { authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`, "utf8").toString("base64")}` };
    case "bearer":
      return { authorization: `Bearer ${auth.token}` };
    case "api-key":
      return { [auth.header]: auth.value };
    default:
      return {};
  }
}

/** Adds the API key query parameter (when that is the auth type) unless the URL already has it. */
export function withAuthQuery(url: string, auth: HttpAuth): string {
  if (auth.type !== "api-key-query") return url;
  const parsed = new URL(url);
  if (!parsed.searchParams.has(auth.param)) parsed.searchParams.set(auth.param, auth.value);
  return parsed.toString();
}

/** Query parameters whose values must never show up in a message or a log. */
export function secretQueryParams(auth: HttpAuth): string[] {
  return auth.type === "api-key-query" ? [auth.param] : [];
}
