import { randomBytes } from "node:crypto";
// @idlife/testing depends on @idlife/api, so the API's test support takes the peers by path.
import type { SlapdPeer } from "../../../../packages/testing/src/peers/index.ts";

export { slapdDirectorySettings } from "../../../../packages/testing/src/peers/index.ts";

type DirectoryClient = Awaited<ReturnType<SlapdPeer["connect"]>>;

/** The test's own view of a directory, past the platform (to set up and to check). */
export async function withDirectory<T>(peer: SlapdPeer, work: (client: DirectoryClient) => Promise<T>): Promise<T> {
  const client = await peer.connect();
  try {
    return await work(client);
  } finally {
    await client.unbind();
  }
}

/** An OU of the test's own, so tests and files do not see each other's entries. */
export async function newDirectoryOu(peer: SlapdPeer, prefix = "t"): Promise<string> {
  const dn = `ou=${prefix}-${randomBytes(4).toString("hex")},${peer.baseDn}`;
  await withDirectory(peer, (client) => client.add(dn, { objectClass: ["top", "organizationalUnit"] }));
  return dn;
}
