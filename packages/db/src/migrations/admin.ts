// Connections as the owner to the server's maintenance database, for what cannot be done from
// inside the target database: creating and dropping databases, managing roles.
import pg from "pg";
import { databaseNameOf, redactUrl, withDatabaseName } from "../config.ts";

const CONNECTION_ERRORS = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ECONNRESET", "ENOENT", "57P03"]);

function serverOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.host || parsed.searchParams.get("host") || "the default socket";
  } catch {
    return redactUrl(url);
  }
}

/** Turns "cannot connect at all" into the message every entry point shows. */
export function connectionError(url: string, error: unknown): Error {
  const err = (error ?? {}) as { code?: string; message?: string };
  const timedOut = typeof err.message === "string" && /timeout/i.test(err.message);
  if ((err.code && CONNECTION_ERRORS.has(err.code)) || timedOut || error instanceof AggregateError) {
    const detail = err.code ?? err.message ?? String(error);
    return new Error(
      `PostgreSQL is not reachable at ${serverOf(url)} (${detail}): start it (see README) or set DATABASE_URL`,
      { cause: error },
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** A connected client; throws the clear "not reachable" error when the server is down. */
export async function connectClient(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw connectionError(url, error);
  }
  return client;
}

/** A client on the server's `postgres` database, with the credentials of `url`. */
export function connectMaintenance(url: string): Promise<pg.Client> {
  return connectClient(withDatabaseName(url, "postgres"));
}

/** Creates the database `url` points to unless it exists. Returns true when it was created. */
export async function ensureDatabase(url: string, admin?: pg.Client): Promise<boolean> {
  const name = databaseNameOf(url);
  const client = admin ?? (await connectMaintenance(url));
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount) return false;
    try {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      return true;
    } catch (error) {
      // Created concurrently by someone else: fine.
      if ((error as { code?: string }).code === "42P04") return false;
      throw error;
    }
  } finally {
    if (!admin) await client.end();
  }
}

/**
 * The application role: LOGIN with the given password, never superuser, never BYPASSRLS
 * (row-level security must apply to it). Roles are server-wide, so this is done once per server
 * and repeated harmlessly. The init migration creates it NOLOGIN where this did not run.
 */
export async function ensureAppRole(client: pg.Client, role: string, password: string): Promise<void> {
  const ident = pg.escapeIdentifier(role);
  const secret = pg.escapeLiteral(password);
  await client.query("BEGIN");
  try {
    // Concurrent ALTER ROLEs on one role fail with "tuple concurrently updated": serialise them.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('idlife:ensure-app-role'))");
    const existing = await client.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
      "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1",
      [role],
    );
    const row = existing.rows[0];
    if (!row) {
      await client.query(`CREATE ROLE ${ident} LOGIN PASSWORD ${secret} NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE`);
    } else {
      // Only a superuser may change SUPERUSER/BYPASSRLS, so name them only when they are wrong.
      const fixes = [row.rolsuper ? "NOSUPERUSER" : "", row.rolbypassrls ? "NOBYPASSRLS" : ""].filter(Boolean).join(" ");
      await client.query(`ALTER ROLE ${ident} WITH LOGIN PASSWORD ${secret} ${fixes}`);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

/** Drops a database, ending its sessions first. */
export async function dropDatabase(url: string, name: string, admin?: pg.Client): Promise<void> {
  const client = admin ?? (await connectMaintenance(url));
  try {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    if (!admin) await client.end();
  }
}
