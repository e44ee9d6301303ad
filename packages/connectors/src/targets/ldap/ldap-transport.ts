import type { ConnectionOptions } from "node:tls";
import { Client, type Change } from "ldapts";
import { ConnectorError } from "../../connector-error.ts";
import { PlanModeWriteRefused, type RefusedWrite } from "../target-connector.ts";
import { translateLdapError } from "./ldap-errors.ts";
import type { LdapConfig } from "./ldap-settings.ts";

/** The directory operations a session uses; in plan mode the writing ones refuse. */
export type LdapDirectory = Pick<Client, "search" | "searchPaginated" | "add" | "modify" | "modifyDN" | "del" | "exop" | "unbind">;

function tlsOptions(config: LdapConfig): ConnectionOptions {
  return {
    rejectUnauthorized: config.tls.rejectUnauthorized,
    ...(config.tls.ca ? { ca: config.tls.ca } : {}),
    ...(config.tls.serverName ? { servername: config.tls.serverName } : {}),
  };
}

/** Connects, upgrades with StartTLS when asked, and binds; a failed bind still closes its socket. */
export async function connectLdap(config: LdapConfig): Promise<Client> {
  const ldaps = config.url.toLowerCase().startsWith("ldaps://");
  if (ldaps && config.startTls) {
    throw new ConnectorError("invalid_settings", "StartTLS upgrades an ldap:// connection; an ldaps:// connection is protected already: turn StartTLS off or use ldap://");
  }
  // ldapts turns any connection with tlsOptions into TLS, so plain ldap:// gets none.
  const client = new Client({
    url: config.url,
    timeout: config.timeouts.operationMs,
    connectTimeout: config.timeouts.connectMs,
    ...(ldaps ? { tlsOptions: tlsOptions(config) } : {}),
  });
  try {
    if (config.startTls) await client.startTLS(tlsOptions(config));
    await client.bind(config.bindDn, config.password);
  } catch (error) {
    await client.unbind().catch(() => undefined);
    throw translateLdapError(error, { doing: `binding as ${config.bindDn}`, url: config.url, bindDn: config.bindDn });
  }
  return client;
}

function changedAttributes(changes: Change | Change[]): string {
  const list = Array.isArray(changes) ? changes : [changes];
  return list.map((change) => `${change.operation} ${change.modification.type}`).join(", ");
}

/**
 * Plan mode's transport: reads pass through, every write throws PlanModeWriteRefused and is
 * reported, so a preview can never change the directory even if a code path forgets the mode.
 * Descriptions name DNs and attributes, never values (a password is an attribute value).
 */
export function planModeDirectory(directory: LdapDirectory, onRefusedWrite?: (write: RefusedWrite) => void): LdapDirectory {
  const refuse = (description: string): never => {
    onRefusedWrite?.({ description });
    throw new PlanModeWriteRefused(description);
  };
  return {
    search: directory.search.bind(directory),
    searchPaginated: directory.searchPaginated.bind(directory),
    unbind: directory.unbind.bind(directory),
    add: async (dn) => refuse(`add ${String(dn)}`),
    modify: async (dn, changes) => refuse(`modify ${String(dn)} (${changedAttributes(changes)})`),
    modifyDN: async (dn, newDn) => refuse(`rename ${String(dn)} to ${String(newDn)}`),
    del: async (dn) => refuse(`delete ${String(dn)}`),
    exop: async (oid) => refuse(`run the extended operation ${oid}`),
  };
}
