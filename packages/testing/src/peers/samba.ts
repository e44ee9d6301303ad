// A real Active Directory domain controller (Debian's Samba AD DC) for the tests. Samba listens on
// fixed ports (88, 389, 636, ...), so there is one DC per machine, shared by every test file and
// every checkout: the first test that needs it provisions a throwaway domain into
// $TMPDIR/idlife-samba-dc and starts it in the background; later tests (and later runs) reuse it
// while it answers. Each test works in an OU of its own (newOrganizationalUnit). scripts/test.sh
// stops it after the run (scripts/lib/peers.sh).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, openSync } from "node:fs";
import { mkdir, readFile, rm, rmdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { Client } from "ldapts";
import { untilReady } from "./free-port.ts";

export interface SambaPeer {
  /** ldaps://127.0.0.1:636 (the test CA is self-signed: connect with rejectUnauthorized false). */
  url: string;
  realm: string;
  baseDn: string;
  /** Administrator@TEST.LOCAL */
  bindDn: string;
  password: string;
  connect(): Promise<Client>;
}

const SAMBA = "/usr/sbin/samba";
const SAMBA_TOOL = "/usr/bin/samba-tool";
export const SAMBA_STATE_DIR = path.join(tmpdir(), "idlife-samba-dc");
const REALM = "TEST.LOCAL";
const BASE_DN = "DC=test,DC=local";
const PASSWORD = "Passw0rd!Test";
const URL = "ldaps://127.0.0.1:636";

async function connect(): Promise<Client> {
  const client = new Client({ url: URL, tlsOptions: { rejectUnauthorized: false }, timeout: 30_000, connectTimeout: 5_000 });
  try {
    await client.bind(`Administrator@${REALM}`, PASSWORD);
  } catch (error) {
    await client.unbind().catch(() => undefined);
    throw error;
  }
  return client;
}

async function answers(): Promise<boolean> {
  try {
    const client = await connect();
    await client.unbind();
    return true;
  } catch {
    return false;
  }
}

async function withLock<T>(fn: () => Promise<T>): Promise<T> {
  const lock = `${SAMBA_STATE_DIR}.lock`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`waited 2 minutes for ${lock}; remove it if no test run is starting Samba`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await fn();
  } finally {
    await rmdir(lock).catch(() => undefined);
  }
}

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} ${args[0]} failed (${result.status}): ${result.stderr || result.stdout}`);
}

async function provisionAndStart(): Promise<void> {
  if (!existsSync(SAMBA) || !existsSync(SAMBA_TOOL)) {
    throw new Error("Samba AD is not installed: run ./scripts/setup.sh (it installs samba-ad-dc and samba-ad-provision) or apt-get install samba-ad-dc samba-ad-provision.");
  }
  const pidFile = path.join(SAMBA_STATE_DIR, "samba.pid");
  if (existsSync(pidFile)) {
    const pid = Number(await readFile(pidFile, "utf8"));
    try {
      process.kill(-pid, "SIGTERM");
    } catch {
      /* gone already */
    }
  }
  await rm(SAMBA_STATE_DIR, { recursive: true, force: true });
  await mkdir(SAMBA_STATE_DIR, { recursive: true });
  const dir = SAMBA_STATE_DIR;
  const empty = path.join(dir, "empty.conf");
  await writeFile(empty, "");
  run(SAMBA_TOOL, [
    "domain", "provision", "-s", empty, `--targetdir=${dir}/dc`, `--realm=${REALM}`, "--domain=TEST", "--server-role=dc", "--dns-backend=NONE",
    `--adminpass=${PASSWORD}`, "--option=interfaces=lo", "--option=bind interfaces only=yes", `--option=log file=${dir}/dc/log.%m`,
    `--option=pid directory=${dir}/dc/run`, `--option=ncalrpc dir=${dir}/dc/run/ncalrpc`, `--option=winbindd socket directory=${dir}/dc/run/winbindd`,
  ]);
  await mkdir(path.join(dir, "dc/run"), { recursive: true });
  await mkdir(path.join(dir, "dc/cache"), { recursive: true });
  const log = openSync(path.join(dir, "samba.log"), "a");
  const child = spawn(SAMBA, ["-i", "-M", "single", "-s", path.join(dir, "dc/etc/smb.conf")], { detached: true, stdio: ["ignore", log, log] });
  child.unref();
  await writeFile(pidFile, String(child.pid));
  await untilReady("Samba AD on ldaps://127.0.0.1:636", async () => {
    if (child.exitCode !== null) throw new Error(`samba exited with ${child.exitCode}; see ${dir}/samba.log`);
    if (!(await answers())) throw new Error("LDAPS does not answer yet");
  }, 90_000);
}

let ready: Promise<void> | undefined;

/** The machine's test domain controller, provisioned and started when none answers. */
export async function ensureSamba(): Promise<SambaPeer> {
  ready ??= (async () => {
    if (await answers()) return;
    await withLock(async () => {
      if (!(await answers())) await provisionAndStart();
    });
  })();
  try {
    await ready;
  } catch (error) {
    ready = undefined;
    throw error;
  }
  return { url: URL, realm: REALM, baseDn: BASE_DN, bindDn: `Administrator@${REALM}`, password: PASSWORD, connect };
}

/** An OU of its own for one test (OU=t-<random>,DC=test,DC=local), with the client that made it. */
export async function newOrganizationalUnit(peer: SambaPeer, prefix = "t"): Promise<string> {
  const dn = `OU=${prefix}-${randomBytes(4).toString("hex")},${peer.baseDn}`;
  const client = await peer.connect();
  try {
    await client.add(dn, { objectClass: ["top", "organizationalUnit"] });
  } finally {
    await client.unbind();
  }
  return dn;
}

/**
 * Settings of an "ldap" target system for the Samba peer: Active Directory over LDAPS with the
 * peer's self-signed certificate. The bind password (peer.password) goes in the system's secrets.
 */
export function sambaDirectorySettings(peer: SambaPeer, baseDn: string): Record<string, unknown> {
  return { directoryKind: "active-directory", url: peer.url, tls: { rejectUnauthorized: false }, bindDn: peer.bindDn, baseDn };
}

/** Whether a user can sign in (bind) with this password: the test's view of "the account works". */
export async function canBindToSamba(peer: SambaPeer, principal: string, password: string): Promise<boolean> {
  const client = new Client({ url: peer.url, tlsOptions: { rejectUnauthorized: false }, connectTimeout: 5_000 });
  try {
    await client.bind(principal, password);
    return true;
  } catch {
    return false;
  } finally {
    await client.unbind().catch(() => undefined);
  }
}
