import { randomBytes } from "node:crypto";
import { adShapedRequired, type SambaPeer, type SlapdPeer } from "@idlife/testing/peers";
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

/** AD-shaped settings for Debian's msuser.schema on slapd: AD's rules, but entryUUID as reference (slapd has no objectGUID). */
export function adShapedSettings(peer: SlapdPeer, baseDn: string): Record<string, unknown> {
  return {
    directoryKind: "active-directory",
    url: peer.url,
    bindDn: peer.bindDn,
    password: peer.password,
    baseDn,
    // extensibleObject: msuser.schema defines sAMAccountName and employeeID but no class allows them.
    objectClasses: ["top", "person", "organizationalPerson", "user", "extensibleObject"],
    fixedAttributes: adShapedRequired(peer.baseDn),
    groupObjectClasses: ["top", "group", "extensibleObject"],
    groupFixedAttributes: adShapedRequired(peer.baseDn, "Group"),
    referenceAttribute: "entryUUID",
  };
}

export function sambaSettings(peer: SambaPeer, baseDn: string): Record<string, unknown> {
  return { directoryKind: "active-directory", url: peer.url, tls: { rejectUnauthorized: false }, bindDn: peer.bindDn, password: peer.password, baseDn };
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
