// Loads Prisma's WebAssembly schema engine (@prisma/schema-engine-wasm) the way the Prisma CLI
// does, so migrations can be generated and applied without the native engine, which the Prisma
// CLI would have to download (impossible offline). See /work/shared/notes/toolchain-facts.md.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type {
  DiffParams,
  SchemaContainer,
  SchemaEngine,
  SchemaFilter,
} from "@prisma/schema-engine-wasm";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import pg from "pg";

export type { SchemaContainer, SchemaEngine } from "@prisma/schema-engine-wasm";

/** No table or enum is managed outside Prisma. */
export const noFilters: SchemaFilter = { externalTables: [], externalEnums: [] };

// The global WebAssembly object, typed here because neither lib ES2023 nor @types/node declares it.
type WasmImports = Record<string, unknown>;
declare const WebAssembly: {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, WasmImports>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
};

// Kept on globalThis, not in module variables: a test runner may load this file more than once
// (one module graph per project) while the wasm bindings module is loaded once, and a second
// instantiation would swap the memory under a running engine.
const shared = globalThis as {
  idlifeSchemaEngine?: { initialised?: Promise<void>; queue: Promise<void> };
};
const state = (shared.idlifeSchemaEngine ??= { queue: Promise.resolve() });

function acquireEngine(): Promise<() => void> {
  let release!: () => void;
  const turn = new Promise<void>((resolve) => (release = resolve));
  const ready = state.queue.then(() => release);
  state.queue = state.queue.then(() => turn);
  return ready;
}

// The engine reports Rust panics through this global (the Prisma CLI sets it up); without it a
// panic surfaces as "Cannot read properties of undefined (reading 'set_message')".
const panicRegistry = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
panicRegistry.PRISMA_WASM_PANIC_REGISTRY ??= {
  set_message(message: string) {
    console.error(`Prisma schema engine panicked: ${message}`);
  },
};

/** Instantiates the wasm module once per process (its bindings keep it in a module variable). */
function initWasm(): Promise<void> {
  state.initialised ??= (async () => {
    const require = createRequire(import.meta.url);
    // The package exports only its JS entry points; the .wasm file sits next to them.
    const bindingsPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmPath = join(dirname(bindingsPath), "schema_engine_bg.wasm");
    const bytes = await readFile(wasmPath);
    const imports: WasmImports = { ...bindings };
    // The engine arms a timer (10 s) around its database calls and never clears it, which keeps
    // a script's process alive 10 s after its work is done. Its timers must not hold the
    // process open: unref them (the name carries a build hash, so match the prefix).
    for (const name of Object.keys(imports)) {
      if (name.startsWith("__wbg_setTimeout_")) {
        imports[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
      }
    }
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": imports });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return state.initialised;
}

export interface EngineHandle {
  engine: SchemaEngine;
  /** Frees the engine and closes every database connection it opened. */
  close(): Promise<void>;
}

export interface OpenEngineOptions {
  /** Database the engine works on. Only commands that touch a database connect. */
  connectionString: string;
  /** Schema files the engine starts with (path, content). */
  datamodels?: SchemaContainer[];
  /** Receives the engine's log lines (JSON strings). Ignored by default. */
  log?: (line: string) => void;
}

/**
 * Opens a schema engine bound to a PostgreSQL database through the pg driver adapter.
 * The pg pool is ours so that close() really ends every connection (cloning a template
 * database needs it to have no session left).
 */
export async function openSchemaEngine(options: OpenEngineOptions): Promise<EngineHandle> {
  await initWasm();
  // One engine at a time per process: the wasm instance is shared and not re-entrant (two
  // Vitest projects migrating their templates at once made it panic).
  const release = await acquireEngine();
  const pool = new pg.Pool({ connectionString: options.connectionString, max: 2 });
  // An idle connection that the server closes must not crash the process.
  pool.on("error", () => {});
  const adapter = bindMigrationAwareSqlAdapterFactory(wholeScriptFactory(new PrismaPg(pool)));
  const datamodels = (options.datamodels ?? []).map((f) => [f.path, f.content] as [string, string]);
  let engine: SchemaEngine;
  try {
    engine = await bindings.SchemaEngine.new(
      { datamodels: datamodels.length > 0 ? datamodels : undefined },
      (line: string) => options.log?.(line),
      adapter,
    );
  } catch (error) {
    await pool.end();
    release();
    throw engineError(error);
  }
  let closed = false;
  return {
    engine,
    async close() {
      if (closed) return;
      closed = true;
      try {
        engine.free();
        await pool.end();
      } finally {
        release();
      }
    },
  };
}

/**
 * PrismaPg's executeScript splits a migration on every ";" and sends the pieces one by one
 * through the pool: a `DO $$ ... $$` block or a function body breaks, and a failing migration
 * stays half applied. The native engine sends the script as ONE simple-protocol query, which
 * PostgreSQL runs as one implicit transaction (all or nothing). Do the same.
 */
function wholeScriptFactory(base: PrismaPg): SqlMigrationAwareDriverAdapterFactory {
  const wrap = (adapter: SqlDriverAdapter & { underlyingDriver(): pg.Pool }): SqlDriverAdapter => {
    const onError = (adapter as unknown as { onError?: (error: unknown) => never }).onError?.bind(adapter);
    adapter.executeScript = async (script: string) => {
      try {
        await adapter.underlyingDriver().query(script);
      } catch (error) {
        if (onError) onError(error);
        throw error;
      }
    };
    return adapter;
  };
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => wrap(await base.connect()),
    connectToShadowDb: async () => wrap(await base.connectToShadowDb()),
  };
}

/** Engine errors arrive as plain objects or strings; turn them into Errors with a message. */
export function engineError(error: unknown): Error {
  if (error instanceof Error) return error;
  if (typeof error === "string") return new Error(error);
  if (error && typeof error === "object") {
    const e = error as { message?: unknown; error?: unknown; meta?: unknown };
    const message = typeof e.message === "string" ? e.message : typeof e.error === "string" ? e.error : JSON.stringify(error);
    return Object.assign(new Error(message), { cause: error });
  }
  return new Error(String(error));
}

/** Calls an engine method, converting what it throws into an Error. */
export async function callEngine<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw engineError(error);
  }
}

export type DiffSource = { tag: "empty" } | { tag: "schemaDatamodel"; files: SchemaContainer[] };

/**
 * The SQL that turns the `from` schema into the `to` schema, computed by the engine from the
 * two Prisma schemas alone. Returns "" when there is nothing to change (the engine itself then
 * answers "-- This is an empty migration.").
 *
 * The engine insists on a database connection when it is created (it runs one probe query,
 * even for a diff that never uses it), so diffs go through an offline adapter that answers
 * that probe and refuses everything else: creating a migration works without PostgreSQL.
 */
export async function diffSchemas(from: DiffSource, to: DiffSource): Promise<string> {
  await initWasm();
  const engine = await callEngine(() =>
    bindings.SchemaEngine.new({ datamodels: undefined }, () => {}, bindMigrationAwareSqlAdapterFactory(offlineAdapterFactory)),
  );
  try {
    const params: DiffParams = { from, to, script: true, exitCode: null, filters: noFilters };
    const result = await callEngine(() => engine.diff(params));
    const script = result.stdout ?? "";
    return isEmptyScript(script) ? "" : script;
  } finally {
    engine.free();
  }
}

/** True when a script holds nothing but comments and whitespace. */
export function isEmptyScript(sql: string): boolean {
  return sql
    .split("\n")
    .map((line) => line.trim())
    .every((line) => line === "" || line.startsWith("--"));
}

// ColumnTypeEnum values from @prisma/driver-adapter-utils.
const COLUMN_BOOLEAN = 5;
const COLUMN_TEXT = 7;
const COLUMN_INT32 = 0;

function offlineRefusal(what: string): Error {
  return new Error(
    `The schema engine tried to use the database (${what}) during an offline diff; ` +
      "the engine version probably changed how it connects (see src/migrations/engine.ts).",
  );
}

const offlineAdapter: SqlDriverAdapter = {
  provider: "postgres",
  adapterName: "@prisma/adapter-pg",
  async queryRaw(query) {
    // The probe SchemaEngine.new runs: schema exists, version(), numeric version.
    if (/version\(\)/.test(query.sql) && /server_version_num/.test(query.sql)) {
      return {
        columnNames: ["exists", "version", "numeric_version"],
        columnTypes: [COLUMN_BOOLEAN, COLUMN_TEXT, COLUMN_INT32],
        rows: [[true, "PostgreSQL 15.0 (offline diff)", 150000]],
      };
    }
    throw offlineRefusal(query.sql);
  },
  async executeRaw(query) {
    throw offlineRefusal(query.sql);
  },
  async executeScript() {
    throw offlineRefusal("script");
  },
  async startTransaction() {
    throw offlineRefusal("transaction");
  },
  getConnectionInfo: () => ({ supportsRelationJoins: true }),
  async dispose() {},
};

const offlineAdapterFactory: SqlMigrationAwareDriverAdapterFactory = {
  provider: "postgres",
  adapterName: "@prisma/adapter-pg",
  connect: async () => offlineAdapter,
  connectToShadowDb: async () => offlineAdapter,
};
