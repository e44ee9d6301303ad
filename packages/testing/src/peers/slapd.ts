// A real OpenLDAP server (Debian's slapd) for the tests of one file, as a plain process on a free
// port with its database in a temporary folder. It loads Debian's msuser.schema, so AD-shaped
// entries (objectClass user/group, sAMAccountName, userPrincipalName, userAccountControl) can be
// tested for real. Test-only change: msuser.schema gives sAMAccountName, employeeID and
// userPrincipalName no EQUALITY rule (so filters on them match nothing); our copy adds
// caseIgnoreMatch to those three, as real Active Directory has.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "ldapts";
import { freePort, untilReady } from "./free-port.ts";
import { usePeer } from "./use-peer.ts";

export interface SlapdPeer {
  url: string;
  baseDn: string;
  bindDn: string;
  password: string;
  /** A client bound as the directory manager (the test's own view; close it with unbind). */
  connect(): Promise<Client>;
  stop(): Promise<void>;
}

const SLAPD = "/usr/sbin/slapd";
const SCHEMA_DIR = "/etc/ldap/schema";
const EQUALITY_ADDED = ["sAMAccountName", "employeeID", "userPrincipalName"];

async function adShapedSchema(): Promise<string> {
  let text = await readFile(path.join(SCHEMA_DIR, "msuser.schema"), "utf8");
  for (const name of EQUALITY_ADDED) {
    text = text.replace(new RegExp(`(NAME '${name}'\\s*\\n)(\\s*SYNTAX)`), `$1\tEQUALITY caseIgnoreMatch\n$2`);
  }
  return text;
}

export async function startSlapd(options: { baseDn?: string } = {}): Promise<SlapdPeer> {
  if (!existsSync(SLAPD)) {
    throw new Error(`OpenLDAP's slapd is not installed at ${SLAPD}: run ./scripts/setup.sh (it installs slapd and ldap-utils) or apt-get install slapd ldap-utils.`);
  }
  const baseDn = options.baseDn ?? "dc=example,dc=test";
  const bindDn = `cn=admin,${baseDn}`;
  const password = "slapd-test-password";
  const dir = await mkdtemp(path.join(tmpdir(), "idlife-slapd-"));
  await writeFile(path.join(dir, "msuser.schema"), await adShapedSchema());
  const config = [
    ...["core", "cosine", "inetorgperson", "nis"].map((name) => `include ${SCHEMA_DIR}/${name}.schema`),
    `include ${dir}/msuser.schema`,
    "modulepath /usr/lib/ldap",
    "moduleload back_mdb",
    `pidfile ${dir}/slapd.pid`,
    "sizelimit unlimited",
    "database mdb",
    `suffix "${baseDn}"`,
    `rootdn "${bindDn}"`,
    `rootpw ${password}`,
    `directory ${dir}`,
    "maxsize 1073741824",
    "index objectClass eq",
    "index cn,uid,mail,sAMAccountName,employeeID,employeeNumber,userPrincipalName eq",
    "index member eq",
    "",
  ].join("\n");
  await writeFile(path.join(dir, "slapd.conf"), config);
  const port = await freePort();
  const url = `ldap://127.0.0.1:${port}`;
  // -d 0: stay in the foreground (so the process ends with the test run) and log nothing.
  const child: ChildProcess = spawn(SLAPD, ["-f", path.join(dir, "slapd.conf"), "-h", `${url}/`, "-d", "0"], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const connect = async () => {
    const client = new Client({ url, timeout: 10_000, connectTimeout: 5_000 });
    try {
      await client.bind(bindDn, password);
    } catch (error) {
      await client.unbind().catch(() => undefined);
      throw error;
    }
    return client;
  };
  try {
    await untilReady(`slapd on ${url}`, async () => {
      if (child.exitCode !== null) throw new Error(`slapd exited: ${stderr}`);
      const client = await connect();
      await client.unbind();
    });
    const client = await connect();
    try {
      const [first] = baseDn.split(",");
      const dc = first!.split("=")[1]!;
      await client.add(baseDn, { objectClass: ["top", "dcObject", "organization"], dc, o: dc });
    } finally {
      await client.unbind();
    }
  } catch (error) {
    child.kill("SIGKILL");
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    baseDn,
    bindDn,
    password,
    connect,
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The attributes msuser.schema's `mstop` requires of every user and group (real AD sets them
 * itself): add them to an AD-shaped entry on slapd (a connector takes them as fixed attributes).
 */
export function adShapedRequired(baseDn: string, category = "Person"): Record<string, string> {
  return {
    instanceType: "4",
    objectCategory: `CN=${category},CN=Schema,CN=Configuration,${baseDn}`,
    // An octet string on slapd; nothing reads it (real AD computes its own).
    nTSecurityDescriptor: "test-descriptor",
  };
}

/** A slapd for the tests of one file (started before them, stopped after them). */
export const useSlapd = (options: { baseDn?: string } = {}) => usePeer("peer", () => startSlapd(options), 60_000);
