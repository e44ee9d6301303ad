import { ResultCodeError } from "ldapts";
import { ConnectorError } from "../../connector-error.ts";
import { PlanModeWriteRefused, TargetBusyError } from "../target-connector.ts";

/**
 * Turns what ldapts throws into the errors the engine acts on: TargetBusyError for "try again
 * later" (busy, unavailable, connection refused or timed out), ConnectorError with a message an
 * administrator can act on for everything else. Messages name DNs and attributes, never values.
 */

const BUSY = 51;
const UNAVAILABLE = 52;
const INVALID_CREDENTIALS = 49;
const NO_SUCH_OBJECT = 32;
const CONSTRAINT_VIOLATION = 19;
const ALREADY_EXISTS = 68;
const INSUFFICIENT_ACCESS = 50;
const UNWILLING_TO_PERFORM = 53;
const OBJECT_CLASS_VIOLATION = 65;
const UNDEFINED_TYPE = 17;
const INVALID_SYNTAX = 21;
const CONFIDENTIALITY_REQUIRED = 13;
const STRONG_AUTH_REQUIRED = 8;

/** After a busy answer the engine waits at least this long before it tries the system again. */
const BUSY_RETRY_MS = 5_000;

const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EPIPE", "EAI_AGAIN", "ENOTFOUND"]);

/** The server's own explanation, without ldapts' generic sentence ("... Code: 0x13"). */
function diagnostic(error: ResultCodeError): string {
  return error.message.replace(/\s*Code: 0x[0-9a-f]+$/i, "").trim().slice(0, 500);
}

export interface LdapErrorContext {
  /** What we were doing, e.g. "adding CN=Jane Doe,OU=Staff,DC=example,DC=org". */
  doing: string;
  url: string;
  bindDn?: string;
}

export function ldapErrorCode(error: unknown): number | undefined {
  return error instanceof ResultCodeError ? error.code : undefined;
}

export function translateLdapError(error: unknown, context: LdapErrorContext): Error {
  if (error instanceof ConnectorError || error instanceof TargetBusyError || error instanceof PlanModeWriteRefused) return error;
  if (error instanceof ResultCodeError) {
    const said = diagnostic(error);
    switch (error.code) {
      case BUSY:
      case UNAVAILABLE:
        return new TargetBusyError(`the directory at ${context.url} is busy or unavailable (${said}) while ${context.doing}; trying again later`, BUSY_RETRY_MS);
      case INVALID_CREDENTIALS:
        return new ConnectorError("credentials_refused", `the directory refused the bind for ${context.bindDn ?? "the configured account"}: wrong password or account locked (${said})`, {}, { cause: error });
      case CONFIDENTIALITY_REQUIRED:
      case STRONG_AUTH_REQUIRED:
        return new ConnectorError("insecure_connection", `the directory requires a protected connection while ${context.doing}: use ldaps:// or turn on StartTLS (${said})`, {}, { cause: error });
      case NO_SUCH_OBJECT:
        return new ConnectorError("not_found", `no such object while ${context.doing}: check that the DN and its containers exist (${said})`, {}, { cause: error });
      case ALREADY_EXISTS:
        return new ConnectorError("target_refused", `an entry with that DN already exists while ${context.doing} (${said})`, {}, { cause: error });
      case CONSTRAINT_VIOLATION:
      case OBJECT_CLASS_VIOLATION:
      case UNDEFINED_TYPE:
      case INVALID_SYNTAX:
        return new ConnectorError("target_refused", `the directory refused ${context.doing}: ${said || error.name} (check the attribute named there against the directory's schema)`, {}, { cause: error });
      case INSUFFICIENT_ACCESS:
        return new ConnectorError("target_refused", `${context.bindDn ?? "the bind account"} may not do this: ${context.doing} was refused for insufficient access rights (${said})`, {}, { cause: error });
      case UNWILLING_TO_PERFORM:
        return new ConnectorError("target_refused", `the directory is unwilling to perform ${context.doing} (${said}); for passwords: does it meet the password policy?`, {}, { cause: error });
      default:
        return new ConnectorError("target_refused", `the directory refused ${context.doing}: ${said || error.name}`, {}, { cause: error });
    }
  }
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if ((typeof code === "string" && NETWORK_CODES.has(code)) || /Connection timeout|Connection closed|Operation timed out|Socket error|socket hang up|Socket connection not established/i.test(message)) {
    return new TargetBusyError(`the directory at ${context.url} cannot be reached while ${context.doing} (${typeof code === "string" ? code : message.split("\n")[0]}); trying again later`);
  }
  if (/certificate|self[- ]signed|TLS|SSL/i.test(message)) {
    return new ConnectorError("network", `the TLS connection to ${context.url} failed (${message.split("\n")[0]}): give the directory's CA certificate in tls.ca, and the name on its certificate in tls.serverName when the URL uses another name`, {}, { cause: error });
  }
  return new ConnectorError("network", `the directory at ${context.url} failed while ${context.doing}: ${message.split("\n")[0]}`, {}, { cause: error });
}
