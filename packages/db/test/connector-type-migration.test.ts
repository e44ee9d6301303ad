// The migration to one spelling of connector types: source systems stored as 'http_json' (an enum
// value before it) become 'http-json', every other type and every other column stays as it was.
import { describe, expect, it } from "vitest";
import { aroundMigration, seedSchool } from "./migrate-around.ts";


describe("migration to one connector type spelling", () => {
  it("turns stored http_json source systems into http-json and keeps the rest", async () => {
    await aroundMigration("connector_type_spelling", async (client, migrateRest) => {
      const ids = await seedSchool(client, "api", "csv", "script");
      await client.query(
        `INSERT INTO source_systems (id, tenant_id, name, connector_type, settings, updated_at) VALUES
           ($2, $1, 'HR API', 'http_json', '{"url":"https://hr.example.test"}', now()),
           ($3, $1, 'Students', 'csv', '{}', now()),
           ($4, $1, 'Script', 'script', '{}', now())`,
        [ids.tenant, ids.api, ids.csv, ids.script],
      );

      await migrateRest();

      const { rows } = await client.query(`SELECT name, connector_type, settings->>'url' AS url FROM source_systems ORDER BY name`);
      expect(rows).toEqual([
        { name: "HR API", connector_type: "http-json", url: "https://hr.example.test" },
        { name: "Script", connector_type: "script", url: null },
        { name: "Students", connector_type: "csv", url: null },
      ]);
    });
  });
});
