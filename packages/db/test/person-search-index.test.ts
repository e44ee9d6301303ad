// Person search under row-level security: the application role's substring search (LIKE
// '%term%') is answered by the trigram index, not by reading every person of the tenant. Row-level
// security only allows that because the migration marks LIKE's function LEAKPROOF.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../src/testing/index.ts";

const tenant = randomUUID();
let db: TestDatabase;
let owner: pg.Client;
let app: pg.Client;

beforeAll(async () => {
  db = await createTestDatabase();
  owner = new pg.Client({ connectionString: db.ownerUrl });
  app = new pg.Client({ connectionString: db.appUrl });
  await Promise.all([owner.connect(), app.connect()]);
  await owner.query(`INSERT INTO tenants (id, name, slug, updated_at) VALUES ($1, 'School', 'school', now())`, [tenant]);
  await owner.query(
    `INSERT INTO persons (id, tenant_id, external_id, display_name, status, data, search_text, updated_at)
     SELECT gen_random_uuid(), $1, 'E' || lpad(i::text, 6, '0'), 'Person ' || i, 'active', '{}', lower('person ' || i || ' e' || lpad(i::text, 6, '0') || ' p' || i || '@school.example'), now()
     FROM generate_series(1, 20000) i`,
    [tenant],
  );
  await owner.query("ANALYZE persons");
});
afterAll(async () => {
  await Promise.all([owner?.end(), app?.end()]);
  await db?.drop();
});

async function planAsTenant(sql: string, values: unknown[]): Promise<string> {
  await app.query("BEGIN");
  try {
    await app.query("SELECT set_config('app.tenant_id', $1, true)", [tenant]);
    const { rows } = await app.query(`EXPLAIN (FORMAT JSON) ${sql}`, values);
    return JSON.stringify(rows[0]["QUERY PLAN"]);
  } finally {
    await app.query("ROLLBACK");
  }
}

describe("person search", () => {
  it("uses the trigram index for the application role, within row-level security", async () => {
    const plan = await planAsTenant(`SELECT id FROM persons WHERE tenant_id = $1 AND search_text LIKE $2`, [tenant, "%e012345%"]);
    expect(plan).toContain("persons_search_text_idx");
    expect(plan).not.toContain("Seq Scan");
  });

  it("still shows the application role only its own tenant's persons", async () => {
    const other = randomUUID();
    await owner.query(`INSERT INTO tenants (id, name, slug, updated_at) VALUES ($1, 'Other', 'other', now())`, [other]);
    await owner.query(`INSERT INTO persons (id, tenant_id, external_id, display_name, status, data, search_text, updated_at) VALUES (gen_random_uuid(), $1, 'E012345', 'Hidden', 'active', '{}', 'hidden e012345', now())`, [other]);
    await app.query("BEGIN");
    try {
      await app.query("SELECT set_config('app.tenant_id', $1, true)", [tenant]);
      const { rows } = await app.query(`SELECT display_name FROM persons WHERE search_text LIKE '%e012345%'`);
      expect(rows).toEqual([{ display_name: "Person 12345" }]);
    } finally {
      await app.query("ROLLBACK");
    }
  });
});
