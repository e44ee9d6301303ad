// The Microsoft identity platform's token endpoint for the OAuth2 client credentials grant, as
// far as a daemon application uses it: form-encoded request in, bearer token out, with the
// AADSTS errors an administrator meets when the tenant, client id, secret or scope is wrong.
import { randomBytes } from "node:crypto";

export const GRAPH_SCOPE = "https://graph.microsoft.com/.default";

export interface TokenIssuer {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  lifetimeSeconds: number;
  /** access token -> expiry (epoch ms) */
  tokens: Map<string, number>;
}

export interface TokenReply {
  status: number;
  body: Record<string, unknown>;
}

const failure = (status: number, error: string, description: string): TokenReply => ({ status, body: { error, error_description: description, error_codes: [Number(/AADSTS(\d+)/.exec(description)?.[1] ?? 0)] } });

export function issueToken(issuer: TokenIssuer, tenantInPath: string, form: URLSearchParams): TokenReply {
  if (tenantInPath !== issuer.tenantId) return failure(400, "invalid_request", `AADSTS90002: Tenant '${tenantInPath}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`);
  if (form.get("grant_type") !== "client_credentials") return failure(400, "unsupported_grant_type", "AADSTS70003: The app requested an unsupported grant type.");
  if (form.get("client_id") !== issuer.clientId) {
    return failure(400, "unauthorized_client", `AADSTS700016: Application with identifier '${form.get("client_id") ?? ""}' was not found in the directory '${issuer.tenantId}'.`);
  }
  if (form.get("client_secret") !== issuer.clientSecret) {
    return failure(401, "invalid_client", `AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${issuer.clientId}'.`);
  }
  if (form.get("scope") !== GRAPH_SCOPE) {
    return failure(400, "invalid_scope", `AADSTS1002012: The provided value for scope ${form.get("scope") ?? ""} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`);
  }
  const accessToken = randomBytes(24).toString("base64url");
  issuer.tokens.set(accessToken, Date.now() + issuer.lifetimeSeconds * 1000);
  return { status: 200, body: { token_type: "Bearer", expires_in: issuer.lifetimeSeconds, ext_expires_in: issuer.lifetimeSeconds, access_token: accessToken } };
}

/** Graph's 401 message for a missing, unknown or expired bearer token; undefined when it is valid. */
export function tokenProblem(issuer: TokenIssuer, authorization: string | undefined): string | undefined {
  const token = /^Bearer (.+)$/i.exec(authorization ?? "")?.[1];
  if (!token) return "Access token is empty.";
  const expiry = issuer.tokens.get(token);
  if (expiry === undefined) return "IDX14100: JWT is not well formed, there are no dots (.).";
  if (expiry <= Date.now()) return "Lifetime validation failed, the token is expired.";
  return undefined;
}
