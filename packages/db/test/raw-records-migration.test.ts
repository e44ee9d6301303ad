// The migration that made raw records versions keeps the raw data of imports made before it:
// each import still reads exactly what it stored, and the next import can build on it.
import { describe, expect, it } from "vitest";
import { aroundMigration, seedSchool } from "./migrate-around.ts";

const VERSIONING = "incremental_imports";

describe("migration to versioned raw records", () => {
  it("gives every earlier import its own raw data, valid until the next import of its source", async () => {
    await aroundMigration(VERSIONING, async (client, migrateRest) => {
      const ids = await seedSchool(client, "hr", "students", "first", "second", "other");
      await client.query(`INSERT INTO source_systems (id, tenant_id, name, connector_type, updated_at) VALUES ($2, $1, 'HR', 'csv', now()), ($3, $1, 'Students', 'csv', now())`, [ids.tenant, ids.hr, ids.students]);
      await client.query(
        `INSERT INTO imports (id, tenant_id, source_system_id, status, trigger, created_at) VALUES
           ($2, $1, $3, 'completed', 'manual', now() - interval '2 days'),
           ($4, $1, $5, 'completed', 'manual', now() - interval '1 day'),
           ($6, $1, $3, 'completed', 'manual', now())`,
        [ids.tenant, ids.first, ids.hr, ids.other, ids.students, ids.second],
      );
      const raw = (importId: string, source: string, key: string, name: string) =>
        client.query(`INSERT INTO raw_records (tenant_id, import_id, source_system_id, kind, source_key, data, search_text) VALUES ($1, $2, $3, 'person', $4, $5, $6)`, [
          ids.tenant, importId, source, key, JSON.stringify({ Id: key, Naam: name }), name.toLowerCase(),
        ]);
      await raw(ids.first, ids.hr, "1", "Jan");
      await raw(ids.first, ids.hr, "2", "Piet");
      await raw(ids.other, ids.students, "S1", "Sanne");
      await raw(ids.second, ids.hr, "1", "Johan");

      await migrateRest();

      const at = async (importId: string) => {
        const { rows } = await client.query(
          `SELECT r.source_key, r.data->>'Naam' AS name FROM raw_records r JOIN imports i ON i.id = $1
           WHERE r.source_system_id = i.source_system_id AND r.valid_from <= i.raw_seq AND (r.valid_to IS NULL OR r.valid_to > i.raw_seq)
           ORDER BY r.source_key`,
          [importId],
        );
        return rows.map((row) => `${row.source_key}:${row.name}`);
      };
      expect(await at(ids.first)).toEqual(["1:Jan", "2:Piet"]);
      expect(await at(ids.second)).toEqual(["1:Johan"]);
      // The other source's import in between does not end HR's versions.
      expect(await at(ids.other)).toEqual(["S1:Sanne"]);
      const { rows: order } = await client.query(`SELECT id, raw_seq FROM imports ORDER BY created_at`);
      expect(order.map((row) => row.raw_seq !== null)).toEqual([true, true, true]);
      expect(Number(order[0].raw_seq)).toBeLessThan(Number(order[2].raw_seq));
    });
  });
});
