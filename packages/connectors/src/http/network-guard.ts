import { lookup, type LookupAddress, type LookupAllOptions } from "node:dns";
import { BlockList, isIP } from "node:net";
import { Agent, fetch as undiciFetch } from "undici";

/**
 * Whether connectors may reach private and local networks. A hosted platform must refuse them:
 * an administrator's URL (or a script's request, or a redirect) could otherwise read the cloud's
 * metadata service or the platform's own database and admin ports. An on-premise installation
 * that pulls an HR system from the local network allows them.
 */
export type PrivateNetworks = "allow" | "deny";

// Two lists: a BlockList also matches IPv4 addresses against IPv4-mapped IPv6 rules.
const PRIVATE_V4 = new BlockList();
const PRIVATE_V6 = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata (169.254.169.254)
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15], // benchmarking
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const) {
  PRIVATE_V4.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 127], // unspecified and loopback
  ["64:ff9b::", 96], // NAT64 of any IPv4 address
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
] as const) {
  PRIVATE_V6.addSubnet(network, prefix, "ipv6");
}

/** True for loopback, private, link-local, carrier-grade NAT, multicast and reserved addresses. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return PRIVATE_V4.check(address, "ipv4");
  if (family !== 6) return false;
  // IPv4-mapped, written "::ffff:127.0.0.1" or (as URLs normalise it) "::ffff:7f00:1".
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (dotted) return PRIVATE_V4.check(dotted[1]!, "ipv4");
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (hex) {
    const [high, low] = [Number.parseInt(hex[1]!, 16), Number.parseInt(hex[2]!, 16)];
    return PRIVATE_V4.check(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`, "ipv4");
  }
  return PRIVATE_V6.check(address, "ipv6");
}

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
