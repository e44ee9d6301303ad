import { BlockList, isIP } from "node:net";

// Encoded from the IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890, as updated
// up to 2024: https://www.iana.org/assignments/iana-ipv4-special-registry and
// .../iana-ipv6-special-registry), plus the multicast blocks, which have registries of their own.
// Every block that is not globally reachable is here; so is a block whose traffic goes through a
// relay nobody chose (6to4, Teredo). When IANA adds a block, add it here with its name.
const NOT_GLOBAL_V4: Array<[string, number, string]> = [
  ["0.0.0.0", 8, "this network"],
  ["10.0.0.0", 8, "private use"],
  ["100.64.0.0", 10, "shared address space (carrier-grade NAT)"],
  ["127.0.0.0", 8, "loopback"],
  ["169.254.0.0", 16, "link local, the cloud metadata service"],
  ["172.16.0.0", 12, "private use"],
  ["192.0.0.0", 24, "IETF protocol assignments"],
  ["192.0.2.0", 24, "documentation (TEST-NET-1)"],
  ["192.88.99.0", 24, "6to4 relay anycast (deprecated)"],
  ["192.168.0.0", 16, "private use"],
  ["198.18.0.0", 15, "benchmarking"],
  ["198.51.100.0", 24, "documentation (TEST-NET-2)"],
  ["203.0.113.0", 24, "documentation (TEST-NET-3)"],
  ["224.0.0.0", 4, "multicast"],
  ["240.0.0.0", 4, "reserved, limited broadcast"],
];

// Only global unicast (2000::/3) reaches the internet; everything outside it (unspecified,
// loopback, IPv4-compatible, SIIT, discard-only, local-use NAT64, unique local, link local,
// site local, multicast, unassigned) is refused without a list. Within it, the registry's blocks:
const GLOBAL_UNICAST_V6: Array<[string, number, string]> = [["2000::", 3, "global unicast"]];
const NOT_GLOBAL_V6: Array<[string, number, string]> = [
  ["2001::", 23, "IETF protocol assignments, with Teredo, benchmarking and ORCHID"],
  ["2001:db8::", 32, "documentation"],
  ["2002::", 16, "6to4 (deprecated)"],
  ["3fff::", 20, "documentation"],
  ["5f00::", 16, "segment routing SIDs"],
];

const blockList = (family: "ipv4" | "ipv6", blocks: Array<[string, number, string]>) => {
  const list = new BlockList();
  for (const [network, prefix] of blocks) list.addSubnet(network, prefix, family);
  return list;
};
const notGlobalV4 = blockList("ipv4", NOT_GLOBAL_V4);
const globalUnicastV6 = blockList("ipv6", GLOBAL_UNICAST_V6);
const notGlobalV6 = blockList("ipv6", NOT_GLOBAL_V6);

/** The eight 16-bit groups of an IPv6 address in any notation (compressed, dotted tail, zone). */
function ipv6Groups(address: string): number[] {
  const [withoutZone = ""] = address.split("%");
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(withoutZone);
  const hex = dotted
    ? withoutZone.slice(0, dotted.index) + [(Number(dotted[1]) << 8) | Number(dotted[2]), (Number(dotted[3]) << 8) | Number(dotted[4])].map((group) => group.toString(16)).join(":")
    : withoutZone;
  const [head = "", tail] = hex.split("::");
  const parse = (part: string) => (part ? part.split(":").map((group) => Number.parseInt(group, 16)) : []);
  const [start, end] = [parse(head), parse(tail ?? "")];
  return tail === undefined ? start : [...start, ...new Array<number>(8 - start.length - end.length).fill(0), ...end];
}

/**
 * The IPv4 address an IPv6 address stands for, where the packet really goes to that IPv4 address:
 * IPv4-mapped (::ffff:a.b.c.d, how dual-stack sockets show IPv4 peers) and the well-known NAT64
 * prefix (64:ff9b::a.b.c.d, how DNS64 networks reach IPv4 hosts).
 */
function embeddedIPv4(groups: number[]): string | undefined {
  const mapped = groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
  const nat64 = groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((group) => group === 0);
  if (!mapped && !nat64) return undefined;
  const [high = 0, low = 0] = groups.slice(6);
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
}

/**
 * True for every address that is not a public internet address: private, local, shared,
 * documentation, benchmarking, reserved and multicast, in both families, also when an IPv4
 * address is written in an IPv6 form.
 */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return notGlobalV4.check(address, "ipv4");
  if (family !== 6) return false;
  const groups = ipv6Groups(address);
  const ipv4 = embeddedIPv4(groups);
  if (ipv4 !== undefined) return notGlobalV4.check(ipv4, "ipv4");
  const canonical = groups.map((group) => group.toString(16)).join(":");
  return !globalUnicastV6.check(canonical, "ipv6") || notGlobalV6.check(canonical, "ipv6");
}
