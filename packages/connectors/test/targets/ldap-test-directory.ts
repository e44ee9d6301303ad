import { randomBytes } from "node:crypto";
import { createConnection, createServer, type Socket } from "node:net";
import { sambaDirectorySettings, slapdDirectorySettings, type SambaPeer, type SlapdPeer } from "@idlife/testing/peers";
import { Client, type Entry } from "ldapts";
import { afterEach } from "vitest";
import { ldapConnector, type RefusedWrite, type TargetSession } from "../../src/index.ts";

/** Sessions of the LDAP connector against the test peers, closed after each test. */

const openSessions: TargetSession[] = [];
afterEach(async () => {
  await Promise.all(openSessions.splice(0).map((session) => session.close()));
});

export interface OpenedSession {
  session: TargetSession;
  refused: RefusedWrite[];
}

export async function openLdap(settings: Record<string, unknown>, mode: "plan" | "apply" = "apply"): Promise<OpenedSession> {
  const { password, ...rest } = settings;
  const refused: RefusedWrite[] = [];
  const session = await ldapConnector.open({
    mode,
    settings: rest,
    secrets: typeof password === "string" ? { password } : {},
    onRefusedWrite: (write) => refused.push(write),
  });
  openSessions.push(session);
  return { session, refused };
}

/** A container of its own for one test on a slapd peer (ou=t-<random>,<parent or base>). */
export async function slapdContainer(peer: SlapdPeer, prefix = "t", parent = peer.baseDn): Promise<string> {
  const dn = `ou=${prefix}-${randomBytes(4).toString("hex")},${parent}`;
  await withClient(peer, (client) => client.add(dn, { objectClass: ["top", "organizationalUnit"] }));
  return dn;
}

/** The AD-shaped settings of a slapd peer (see slapdDirectorySettings), with the bind password that openLdap moves into the secrets. */
export function adShapedSettings(peer: SlapdPeer, baseDn: string): Record<string, unknown> {
  return { ...slapdDirectorySettings(peer, baseDn), password: peer.password };
}

/** The Samba peer's settings (see sambaDirectorySettings), with the bind password that openLdap moves into the secrets. */
export function sambaSettings(peer: SambaPeer, baseDn: string): Record<string, unknown> {
  return { ...sambaDirectorySettings(peer, baseDn), password: peer.password };
}

/** The test's own view of the directory, past the connector (to set up and to check). */
export async function withClient<T>(peer: { connect(): Promise<Client> }, work: (client: Client) => Promise<T>): Promise<T> {
  const client = await peer.connect();
  try {
    return await work(client);
  } finally {
    await client.unbind();
  }
}

export async function readDirectly(peer: { connect(): Promise<Client> }, dn: string, attributes = ["*"]): Promise<Entry | undefined> {
  return withClient(peer, async (client) => (await client.search(dn, { scope: "base", attributes })).searchEntries[0]).catch(() => undefined);
}

/** Every DN under a base, for "the directory is unchanged" checks. */
export async function dnsUnder(peer: { connect(): Promise<Client> }, baseDn: string): Promise<string[]> {
  return withClient(peer, async (client) => (await client.search(baseDn, { scope: "sub", attributes: ["1.1"] })).searchEntries.map((entry) => entry.dn).sort());
}

/** LDAP protocol operations by their BER tag (RFC 4511, section 4.2 onward). */
const OPERATIONS = new Map<number, string>([
  [0x60, "bind"], [0x42, "unbind"], [0x63, "search"], [0x66, "modify"], [0x68, "add"],
  [0x4a, "delete"], [0x6c, "modifyDN"], [0x6e, "compare"], [0x50, "abandon"], [0x77, "extended"],
]);

/** Reads the operation of each complete LDAPMessage in `buffer`; returns what is left over. */
function readOperations(buffer: Buffer, log: string[]): Buffer {
  let rest = buffer;
  while (rest.length >= 2) {
    const lengthByte = rest[1]!;
    const lengthBytes = lengthByte & 0x80 ? lengthByte & 0x7f : 0;
    const header = 2 + lengthBytes;
    if (rest.length < header) break;
    const length = lengthBytes ? rest.subarray(2, header).reduce((total, byte) => total * 256 + byte, 0) : lengthByte;
    if (rest.length < header + length) break;
    // messageID is a short INTEGER: tag, length, value; the operation's tag follows it.
    const idLength = rest[header + 1]!;
    const tag = rest[header + 2 + idLength]!;
    log.push(OPERATIONS.get(tag) ?? `0x${tag.toString(16)}`);
    rest = rest.subarray(header + length);
  }
  return rest;
}

/**
 * A TCP relay in front of a plain ldap:// directory: it logs the operation of every request the
 * client sends (the request log a test reads), and the test can cut its connections, as an idle
 * timeout or a restart of the directory would.
 */
export async function startDirectoryRelay(targetUrl: string) {
  const target = new URL(targetUrl);
  const sockets = new Set<Socket>();
  const operations: string[] = [];
  let connections = 0;
  const server = createServer((incoming) => {
    connections += 1;
    const outgoing = createConnection(Number(target.port), target.hostname);
    for (const socket of [incoming, outgoing]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => undefined);
    }
    let pending: Buffer = Buffer.alloc(0);
    incoming.on("data", (chunk: Buffer) => (pending = readOperations(Buffer.concat([pending, chunk]), operations)));
    incoming.pipe(outgoing).pipe(incoming);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  const cut = async () => {
    const closing = [...sockets].map((socket) => new Promise((resolve) => socket.once("close", resolve)));
    for (const socket of sockets) socket.destroy();
    await Promise.all(closing);
    // Let the client see its socket close before the test goes on.
    await new Promise((resolve) => setTimeout(resolve, 50));
  };
  return {
    url: `ldap://127.0.0.1:${port}`,
    connections: () => connections,
    /** Operations sent so far, in order ("bind", "search", "add", ...); cleared by take. */
    take: () => operations.splice(0),
    cut,
    async close() {
      await cut();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
