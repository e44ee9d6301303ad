// Where the database is and as whom to connect.
//
// Two roles use the database:
// - the owner (DATABASE_URL) runs migrations, seeds and tests' setup; it owns the tables;
// - the application (APP_DATABASE_URL) connects as `idlife_app`, a role that is neither
//   superuser nor BYPASSRLS, so PostgreSQL's row-level security applies to every query it runs.

export const DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/idlife";

/** The role the application connects as. The migrations grant privileges to this name. */
export const APP_ROLE = "idlife_app";

const DEFAULT_APP_PASSWORD = "idlife_app";

export interface DatabaseUrls {
  /** Owner of the schema: migrations, seeds, test setup. */
  ownerUrl: string;
  /** The application's connection (role idlife_app, row-level security applies). */
  appUrl: string;
  appRole: string;
  appPassword: string;
}

type Env = Record<string, string | undefined>;

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

function parseUrl(url: string): URL {
  try {
    return new URL(url);
  } catch {
    throw new Error(`Not a valid database URL: ${redactUrl(url)}`);
  }
}

/**
 * Reads DATABASE_URL, APP_DATABASE_URL and APP_DATABASE_PASSWORD.
 * Without APP_DATABASE_URL the application URL is the owner URL with the user and password
 * replaced by idlife_app and its password.
 */
export function resolveDatabaseUrls(env: Env = process.env): DatabaseUrls {
  const ownerUrl = nonEmpty(env.DATABASE_URL) ?? DEFAULT_DATABASE_URL;
  const appRole = APP_ROLE;
  const appPassword = nonEmpty(env.APP_DATABASE_PASSWORD) ?? DEFAULT_APP_PASSWORD;
  const appUrl = nonEmpty(env.APP_DATABASE_URL) ?? withCredentials(ownerUrl, appRole, appPassword);
  return { ownerUrl, appUrl, appRole, appPassword };
}

/** The same URL with another user and password. */
export function withCredentials(url: string, user: string, password: string): string {
  const parsed = parseUrl(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

/** The same server and credentials, another database. */
export function withDatabaseName(url: string, name: string): string {
  const parsed = parseUrl(url);
  parsed.pathname = `/${encodeURIComponent(name)}`;
  return parsed.toString();
}

/** The database a URL points to. */
export function databaseNameOf(url: string): string {
  const name = decodeURIComponent(parseUrl(url).pathname.replace(/^\//, ""));
  if (name === "") throw new Error(`The database URL names no database: ${redactUrl(url)}`);
  return name;
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== "") parsed.password = "***";
    return parsed.toString();
  } catch {
    return "<unparseable database URL>";
  }
}

/** Connections per process when DATABASE_POOL_SIZE is not set; small, as api and worker share a 2-core machine. */
export const DEFAULT_DATABASE_POOL_SIZE = 10;
/** PostgreSQL allows 100 connections by default, shared by every API and worker process. */
export const MAX_DATABASE_POOL_SIZE = 100;

/** DATABASE_POOL_SIZE: the connections one API or worker process may open, 1 to 100 (default 10). */
export function resolveDatabasePoolSize(env: Env = process.env): number {
  const text = nonEmpty(env.DATABASE_POOL_SIZE);
  if (text === undefined) return DEFAULT_DATABASE_POOL_SIZE;
  const size = Number(text);
  if (!/^\d+$/.test(text) || size < 1 || size > MAX_DATABASE_POOL_SIZE) {
    throw new Error(`DATABASE_POOL_SIZE must be a whole number from 1 to ${MAX_DATABASE_POOL_SIZE} (connections per process); it is '${text}'.`);
  }
  return size;
}
