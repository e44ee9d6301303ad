// Row-level security and privileges, checked through the application role (idlife_app) on a real
// PostgreSQL: what one tenant can see and write of another's data, and the append-only audit log.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../src/testing/index.ts";

const tenantA = randomUUID();
const tenantB = randomUUID();
const userA = randomUUID(); // member of A
const userB = randomUUID(); // member of B
const userAB = randomUUID(); // member of both

let db: TestDatabase;
let owner: pg.Client;
let app: pg.Client;

/** Runs fn in a transaction of the app role with app.tenant_id (and app.user_id) set; rolls back. */
async function asTenant<T>(tenantId: string | null, fn: (client: pg.Client) => Promise<T>, userId?: string): Promise<T> {
  await app.query("BEGIN");
  try {
    if (tenantId !== null) await app.query("SELECT set_config('app.tenant_id', $1, true)", [tenantId]);
    if (userId !== undefined) await app.query("SELECT set_config('app.user_id', $1, true)", [userId]);
    return await fn(app);
  } finally {
    await app.query("ROLLBACK");
  }
}

async function tenantIds(client: pg.Client, table: string): Promise<string[]> {
  const { rows } = await client.query<{ tenant_id: string | null }>(`SELECT tenant_id FROM ${table}`);
  return rows.map((row) => row.tenant_id as string);
}

function auditInsert(tenantId: string | null) {
  return {
    text: `INSERT INTO audit_entries (id, tenant_id, actor_type, actor_label, action)
           VALUES ($1, $2, 'system', 'test', 'test.event')`,
    values: [randomUUID(), tenantId],
  };
}

beforeAll(async () => {
  db = await createTestDatabase();
  owner = new pg.Client({ connectionString: db.ownerUrl });
  app = new pg.Client({ connectionString: db.appUrl });
  await Promise.all([owner.connect(), app.connect()]);

  // Seeded as the owner (a superuser here: row-level security does not apply to it).
  await owner.query(
    `INSERT INTO tenants (id, name, slug, updated_at) VALUES ($1, 'A', 'a', now()), ($2, 'B', 'b', now())`,
    [tenantA, tenantB],
  );
  await owner.query(
    `INSERT INTO users (id, email, display_name, password_hash, updated_at) VALUES
       ($1, 'a@example.test', 'A', 'x', now()), ($2, 'b@example.test', 'B', 'x', now()),
       ($3, 'ab@example.test', 'AB', 'x', now())`,
    [userA, userB, userAB],
  );
  await owner.query(
    `INSERT INTO memberships (id, tenant_id, user_id, role, updated_at) VALUES
       (gen_random_uuid(), $1, $3, 'owner', now()), (gen_random_uuid(), $2, $4, 'owner', now()),
       (gen_random_uuid(), $1, $5, 'admin', now()), (gen_random_uuid(), $2, $5, 'auditor', now())`,
    [tenantA, tenantB, userA, userB, userAB],
  );
  await owner.query(
    `INSERT INTO api_keys (id, tenant_id, name, prefix, secret_hash, scopes) VALUES
       (gen_random_uuid(), $1, 'key A', 'pfx_a', 'hash-a', '{read}'),
       (gen_random_uuid(), $2, 'key B', 'pfx_b', 'hash-b', '{read,write}')`,
    [tenantA, tenantB],
  );
  await owner.query(
    `INSERT INTO invitations (id, tenant_id, email, role, expires_at) VALUES
       (gen_random_uuid(), $1, 'b@example.test', 'admin', now() + interval '1 day'),
       (gen_random_uuid(), $2, 'a@example.test', 'auditor', now() + interval '1 day')`,
    [tenantA, tenantB],
  );
  for (const tenantId of [tenantA, tenantB, null]) await owner.query(auditInsert(tenantId));
});

afterAll(async () => {
  await Promise.allSettled([owner?.end(), app?.end()]);
  await db?.drop();
});

describe("the application role", () => {
  it("is idlife_app, neither superuser nor BYPASSRLS", async () => {
    const { rows } = await app.query("SELECT current_user AS name, current_setting('is_superuser') AS superuser");
    expect(rows[0]).toEqual({ name: "idlife_app", superuser: "off" });
    const role = await owner.query("SELECT rolsuper, rolbypassrls, rolcanlogin FROM pg_roles WHERE rolname = 'idlife_app'");
    expect(role.rows).toEqual([{ rolsuper: false, rolbypassrls: false, rolcanlogin: true }]);
  });

  it("cannot touch the migration history", async () => {
    await expect(app.query("SELECT * FROM _prisma_migrations")).rejects.toThrow(/permission denied/);
  });
});

describe("row-level security", () => {
  it("protects every table that has a tenant_id column (forced, so also against the owner)", async () => {
    const { rows } = await owner.query<{ table: string; rls: boolean; forced: boolean }>(
      `SELECT c.relname AS table, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced
       FROM information_schema.columns col
       JOIN pg_class c ON c.relname = col.table_name AND c.relnamespace = 'public'::regnamespace
       WHERE col.table_schema = 'public' AND col.column_name = 'tenant_id' AND c.relkind IN ('r', 'p')
       ORDER BY 1`,
    );
    expect(rows.map((row) => row.table)).toEqual(expect.arrayContaining(["api_keys", "audit_entries", "memberships"]));
    const unprotected = rows.filter((row) => !row.rls || !row.forced).map((row) => row.table);
    expect(unprotected, "tables with tenant_id but without ENABLE + FORCE ROW LEVEL SECURITY").toEqual([]);
    const withoutPolicy = await owner.query<{ table: string }>(
      `SELECT c.relname AS table FROM pg_class c
       WHERE c.relnamespace = 'public'::regnamespace AND c.relrowsecurity
         AND NOT EXISTS (SELECT 1 FROM pg_policies p WHERE p.schemaname = 'public' AND p.tablename = c.relname)`,
    );
    expect(withoutPolicy.rows).toEqual([]);
  });

  it("shows a tenant only its own rows", async () => {
    await asTenant(tenantA, async (client) => {
      for (const table of ["memberships", "api_keys", "audit_entries"]) {
        const ids = await tenantIds(client, table);
        expect(ids.length, table).toBeGreaterThan(0);
        expect(new Set(ids), table).toEqual(new Set([tenantA]));
      }
    });
    await asTenant(tenantB, async (client) => {
      expect(new Set(await tenantIds(client, "api_keys"))).toEqual(new Set([tenantB]));
    });
  });

  it("shows nothing when no tenant is set", async () => {
    for (const tenant of [null, ""]) {
      await asTenant(tenant, async (client) => {
        for (const table of ["memberships", "api_keys", "audit_entries"]) {
          expect(await tenantIds(client, table), table).toEqual([]);
        }
      });
    }
    // Outside any transaction too (the setting does not linger on the connection).
    expect(await tenantIds(app, "api_keys")).toEqual([]);
  });

  it("refuses rows written for another tenant", async () => {
    const attempts = [
      {
        text: `INSERT INTO memberships (id, tenant_id, user_id, role, updated_at) VALUES (gen_random_uuid(), $1, $2, 'admin', now())`,
        values: [tenantB, userA],
      },
      {
        text: `INSERT INTO api_keys (id, tenant_id, name, prefix, secret_hash, scopes) VALUES (gen_random_uuid(), $1, 'x', 'pfx_x', 'h', '{}')`,
        values: [tenantB],
      },
      auditInsert(tenantB),
    ];
    for (const attempt of attempts) {
      await expect(asTenant(tenantA, (client) => client.query(attempt))).rejects.toThrow(
        /violates row-level security policy/,
      );
    }
    // Moving an own row to the other tenant is refused as well; the other tenant's rows are not
    // even visible to update.
    await expect(
      asTenant(tenantA, (client) => client.query("UPDATE api_keys SET tenant_id = $1", [tenantB])),
    ).rejects.toThrow(/violates row-level security policy/);
    const updated = await asTenant(tenantA, (client) =>
      client.query("UPDATE api_keys SET name = 'hijacked' WHERE tenant_id = $1", [tenantB]),
    );
    expect(updated.rowCount).toBe(0);
  });

  it("accepts rows of the current tenant and tenant-less audit entries", async () => {
    await asTenant(tenantA, async (client) => {
      await client.query(
        `INSERT INTO api_keys (id, tenant_id, name, prefix, secret_hash, scopes) VALUES (gen_random_uuid(), $1, 'new', 'pfx_new', 'h', '{}')`,
        [tenantA],
      );
      await client.query(auditInsert(tenantA));
      await client.query(auditInsert(null)); // appended, but no tenant can read it
      const { rows } = await client.query("SELECT count(*)::int AS n FROM audit_entries WHERE tenant_id IS NULL");
      expect(rows[0].n).toBe(0);
    });
  });

  it("lets a user list their own memberships in every tenant, and nothing else", async () => {
    const rows = await asTenant(null, async (client) => (await client.query("SELECT tenant_id, user_id FROM memberships")).rows, userAB);
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.user_id === userAB)).toBe(true);
    expect(new Set(rows.map((row) => row.tenant_id))).toEqual(new Set([tenantA, tenantB]));
    await asTenant(null, async (client) => {
      expect(await tenantIds(client, "api_keys")).toEqual([]);
    }, userAB);
  });

  it("lets a user read the invitations addressed to their own email, and change none of them", async () => {
    const rows = await asTenant(null, async (client) => (await client.query("SELECT tenant_id, email FROM invitations")).rows, userB);
    expect(rows).toEqual([{ tenant_id: tenantA, email: "b@example.test" }]);
    const updated = await asTenant(null, async (client) => (await client.query("UPDATE invitations SET accepted_at = now()")).rowCount, userB);
    expect(updated).toBe(0);
    expect(await asTenant(null, async (client) => (await client.query("SELECT 1 FROM invitations")).rows, userAB)).toEqual([]);
  });

  it("finds an API key across tenants only through app_find_api_key / app_touch_api_key, and only with its hash", async () => {
    const find = (prefix: string, hash: string) =>
      asTenant(null, async (client) => (await client.query("SELECT * FROM app_find_api_key($1, $2)", [prefix, hash])).rows);
    expect(await find("pfx_b", "wrong-hash")).toEqual([]);
    const found = await find("pfx_b", "hash-b");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ tenant_id: tenantB, scopes: ["read", "write"], revoked_at: null });
    // The hash itself never leaves the database.
    expect(Object.keys(found[0]).sort()).toEqual(["expires_at", "id", "revoked_at", "scopes", "tenant_id"]);

    await app.query("SELECT app_touch_api_key($1)", [found[0].id]);
    const touched = await owner.query("SELECT last_used_at FROM api_keys WHERE id = $1", [found[0].id]);
    expect(touched.rows[0].last_used_at).toBeInstanceOf(Date);

    const privileges = await owner.query(
      `SELECT has_function_privilege('idlife_app', 'app_find_api_key(text, text)', 'EXECUTE') AS app,
              EXISTS (SELECT 1 FROM pg_proc p, aclexplode(p.proacl) a
                      WHERE p.proname IN ('app_find_api_key', 'app_touch_api_key') AND a.grantee = 0) AS public`,
    );
    expect(privileges.rows[0]).toEqual({ app: true, public: false });
  });

  it("cannot be tricked into running the application's code with the owner's rights", async () => {
    // A temporary table named api_keys (with a trigger) would shadow the real one inside the
    // SECURITY DEFINER functions if their search_path let pg_temp come first.
    await expect(app.query("CREATE TEMP TABLE api_keys (id uuid)")).rejects.toThrow(/permission denied to create temporary tables/);
    const { rows } = await owner.query(
      "SELECT proname, proconfig FROM pg_proc WHERE prosecdef AND pronamespace = 'public'::regnamespace ORDER BY proname",
    );
    expect(rows.map((row) => row.proname)).toEqual(["app_find_api_key", "app_remove_old_history", "app_touch_api_key"]);
    for (const row of rows) expect(row.proconfig).toEqual(["search_path=pg_catalog, public, pg_temp"]);
  });
});

describe("the audit log", () => {
  it("cannot be changed by the application role (no UPDATE, DELETE or TRUNCATE privilege)", async () => {
    for (const sql of ["UPDATE audit_entries SET action = 'tampered'", "DELETE FROM audit_entries", "TRUNCATE audit_entries"]) {
      await expect(asTenant(tenantA, (client) => client.query(sql)), sql).rejects.toThrow(
        /permission denied for table audit_entries/,
      );
    }
  });

  it("numbers and dates each entry itself: the application cannot choose the sequence or the time", async () => {
    const stored = await asTenant(tenantA, async (client) => {
      const { rows: before } = await client.query("SELECT coalesce(max(sequence), 0)::bigint AS max FROM audit_entries");
      await client.query(
        `INSERT INTO audit_entries (id, tenant_id, actor_type, actor_label, action, sequence, created_at)
         VALUES ($1, $2, 'system', 'test', 'test.backdated', 1, '2001-01-01T00:00:00Z'),
                ($3, $2, 'system', 'test', 'test.backdated', 9000000000000000000, '2999-01-01T00:00:00Z')`,
        [randomUUID(), tenantA, randomUUID()],
      );
      const { rows } = await client.query(
        "SELECT sequence::text AS sequence, created_at = now()::timestamptz(3) AS at_insert_time FROM audit_entries WHERE action = 'test.backdated' ORDER BY sequence",
      );
      return { before: before[0], rows };
    });
    expect(stored.rows).toHaveLength(2);
    for (const row of stored.rows) {
      expect(BigInt(row.sequence)).toBeGreaterThan(BigInt(stored.before.max));
      expect(BigInt(row.sequence)).toBeLessThan(9000000000000000000n);
      expect(row.at_insert_time).toBe(true);
    }
  });

  it("cannot be changed by the owner either (append-only trigger)", async () => {
    for (const sql of ["UPDATE audit_entries SET action = 'tampered'", "DELETE FROM audit_entries", "TRUNCATE audit_entries"]) {
      await expect(owner.query(sql), sql).rejects.toThrow(/audit_entries is append-only/);
    }
    const { rows } = await owner.query("SELECT count(*)::int AS n FROM audit_entries WHERE action = 'tampered'");
    expect(rows[0].n).toBe(0);
  });
});
