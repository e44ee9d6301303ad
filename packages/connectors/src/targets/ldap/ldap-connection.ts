import type { Client } from "ldapts";
import { ConnectorError } from "../../connector-error.ts";
import type { LdapConfig } from "./ldap-settings.ts";
import { connectLdap, type LdapDirectory } from "./ldap-transport.ts";

/**
 * A session's connection that stays bound. When the directory drops the connection (idle
 * timeout, restart, a network blip), ldapts would quietly reconnect WITHOUT binding: searches
 * would then run anonymously and could answer "no such account" for an account that exists, and
 * the engine would create a duplicate. So before every operation an unbound client is replaced
 * by a freshly connected and bound one (StartTLS included).
 */
export function boundDirectory(config: LdapConfig, first: Client): LdapDirectory {
  let client = first;
  let reconnecting: Promise<Client> | undefined;
  let closed = false;

  const current = async (): Promise<Client> => {
    if (closed) throw new ConnectorError("aborted", "the directory session was closed before this operation");
    if (client.isBound) return client;
    reconnecting ??= (async () => {
      await client.unbind().catch(() => undefined);
      client = await connectLdap(config);
      return client;
    })().finally(() => (reconnecting = undefined));
    return reconnecting;
  };

  return {
    search: async (...args) => (await current()).search(...args),
    async *searchPaginated(...args) {
      // Paging cookies belong to one connection: a listing does not survive a reconnect, and says so.
      yield* (await current()).searchPaginated(...args);
    },
    add: async (...args) => (await current()).add(...args),
    modify: async (...args) => (await current()).modify(...args),
    modifyDN: async (...args) => (await current()).modifyDN(...args),
    del: async (...args) => (await current()).del(...args),
    exop: async (...args) => (await current()).exop(...args),
    async unbind() {
      closed = true;
      await reconnecting?.catch(() => undefined);
      await client.unbind();
    },
  };
}
