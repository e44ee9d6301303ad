import { lookup, type LookupAddress, type LookupAllOptions } from "node:dns";
import { isIP } from "node:net";
import { Agent, fetch as undiciFetch } from "undici";
import { isPrivateAddress } from "./special-addresses.ts";

export { isPrivateAddress };

/**
 * Whether connectors may reach private and local networks. A hosted platform must refuse them:
 * an administrator's URL (or a script's request, or a redirect) could otherwise read the cloud's
 * metadata service or the platform's own database and admin ports. An on-premise installation
 * that pulls an HR system from the local network allows them.
 */
export type PrivateNetworks = "allow" | "deny";

export class PrivateNetworkRefused extends Error {
  override readonly name = "PrivateNetworkRefused";
  readonly code = "EPRIVATENETWORK";
  constructor(host: string, address: string) {
    super(
      host === address
        ? `${address} is a private or local network address`
        : `${host} resolves to ${address}, a private or local network address`,
    );
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A DNS lookup for sockets that fails when any address of the host is private. */
function publicOnlyLookup(hostname: string, options: LookupAllOptions | { all?: boolean; family?: number }, callback: LookupCallback) {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const refused = addresses.find((entry) => isPrivateAddress(entry.address));
    if (refused) return callback(new PrivateNetworkRefused(hostname, refused.address) as NodeJS.ErrnoException, []);
    if (options.all) return callback(null, addresses);
    const [first] = addresses;
    return callback(null, first!.address, first!.family);
  });
}

let publicAgent: Agent | undefined;

const refuseLiteral = (input: string | URL | Request) => {
  const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) && isPrivateAddress(host)) throw new TypeError("fetch failed", { cause: new PrivateNetworkRefused(host, host) });
};

/**
 * The fetch connectors use. With "deny", requests to private and local addresses fail (also
 * when a public-looking name resolves to one, and for every redirect hop, which is a request of
 * its own) with code EPRIVATENETWORK; the check happens when connecting, so a DNS answer cannot
 * change between the check and the connection.
 */
export function connectorFetch(privateNetworks: PrivateNetworks): typeof fetch {
  if (privateNetworks === "allow") return globalThis.fetch;
  publicAgent ??= new Agent({ connect: { lookup: publicOnlyLookup as never } });
  const agent = publicAgent;
  return (async (input: string | URL | Request, init?: RequestInit) => {
    refuseLiteral(input);
    return undiciFetch(input as never, { ...(init as object), dispatcher: agent } as never);
  }) as unknown as typeof fetch;
}
