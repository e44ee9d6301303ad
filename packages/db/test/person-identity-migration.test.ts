// The migration that made a source record belong to its source: persons the old snapshot made of
// two sources' records only because both used the same ExternalId are split, with a history entry
// saying why; "former since" becomes the day the last contract ended.
import { describe, expect, it } from "vitest";
import { aroundMigration, seedSchool } from "./migrate-around.ts";

const MIGRATION = "person_identity";

describe("migration to persons per source", () => {
  it("separates records of two sources that were one person by a shared ExternalId, and dates former persons by their contracts", async () => {
    await aroundMigration(MIGRATION, async (client, migrateRest) => {
      const ids = await seedSchool(client, "hr", "students", "mixed", "same", "merged", "former");
      await client.query(
        `INSERT INTO source_systems (id, tenant_id, name, connector_type, created_at, updated_at) VALUES ($2, $1, 'HR', 'csv', now() - interval '1 day', now()), ($3, $1, 'Students', 'csv', now(), now())`,
        [ids.tenant, ids.hr, ids.students],
      );
      const contract = (externalId: string, start: string, end: string | null = null) => ({ ExternalId: externalId, StartDate: start, EndDate: end });
      const jan = { ExternalId: "1001", Name: { NickName: "Jan", FamilyName: "de Vries" }, Aggregation: "1980-05-17|devries", Contracts: [contract("C1", "2019-08-01")] };
      const sanne = { ExternalId: "1001", Name: { NickName: "Sanne", FamilyName: "Jansen" }, Aggregation: "1999-09-09|jansen", Contracts: [contract("C1", "2024-08-26"), contract("E7", "2025-08-25")] };
      const person = (id: string, externalId: string, data: object, status = "active", formerSince: string | null = null) =>
        client.query(
          `INSERT INTO persons (id, tenant_id, external_id, display_name, status, data, primary_contract_id, source_system_ids, search_text, updated_at, former_since)
           VALUES ($1, $2, $3, $3, $4::"PersonStatus", $5, 'C1', $6, $3, now(), $7)`,
          [id, ids.tenant, externalId, status, JSON.stringify(data), status === "former" ? [] : [ids.hr, ids.students], formerSince],
        );
      const record = (personId: string, source: string, key: string, mapped: { Aggregation: string }, delivered = true) =>
        client.query(
          `INSERT INTO person_sources (id, tenant_id, person_id, source_system_id, external_id, mapped, blocked_reasons, aggregation, delivered, updated_at)
           VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, '{}', $6, $7, now())`,
          [ids.tenant, personId, source, key, JSON.stringify(mapped), mapped.Aggregation, delivered],
        );
      // What the old snapshot made of HR's Jan 1001 and the student system's Sanne 1001: one
      // person with Jan's fields and Jan's C1 (Sanne's C1 was dropped).
      await person(ids.mixed, "1001", { ...jan, Contracts: [contract("C1", "2019-08-01"), contract("E7", "2025-08-25")] });
      await record(ids.mixed, ids.hr, "1001", jan);
      await record(ids.mixed, ids.students, "1001", sanne);
      // One human in both systems with the same number and the same Aggregation value: stays one.
      const piet = { ExternalId: "2001", Aggregation: "1970-03-04|smit", Contracts: [contract("C1", "2010-08-01")] };
      await person(ids.same, "2001", piet);
      await record(ids.same, ids.hr, "2001", piet);
      await record(ids.same, ids.students, "2001", { ...piet, Aggregation: " 1970-03-04|Smit" });
      // An administrator merged these two by hand: stays one.
      const anna = { ExternalId: "3001", Aggregation: "1995-01-01|visser", Contracts: [contract("C1", "2025-01-01")] };
      await person(ids.merged, "3001", anna);
      await record(ids.merged, ids.hr, "3001", anna);
      await record(ids.merged, ids.students, "3001", { ...anna, Aggregation: "1995-01-01|fisser" });
      await client.query(
        `INSERT INTO person_history (tenant_id, person_id, field, kind, new_value, cause) VALUES ($1, $2, 'Merge', 'changed', $3, 'merge')`,
        [ids.tenant, ids.merged, JSON.stringify({ merged: { externalId: "3001-2", displayName: "Anna", sources: [{ sourceSystemId: ids.students, sourceKey: "3001" }] } })],
      );
      // No longer delivered since 1 November; the last contract had ended on 30 June.
      const kees = { ExternalId: "4001", Aggregation: "1960-01-01|bakker", Contracts: [contract("C4", "2000-01-01", "2026-06-30")] };
      await person(ids.former, "4001", kees, "former", "2026-11-01T10:00:00Z");
      await record(ids.former, ids.hr, "4001", kees, false);

      await migrateRest();

      const { rows: links } = await client.query(
        `SELECT s.external_id, src.name AS source, s.person_id, s.pending_snapshot FROM person_sources s JOIN source_systems src ON src.id = s.source_system_id ORDER BY s.external_id, src.name`,
      );
      expect(links.map((row) => [row.external_id, row.source, row.person_id, row.pending_snapshot])).toEqual([
        // Sanne's record leaves Jan's person; the next snapshot decides both again.
        ["1001", "HR", ids.mixed, true],
        ["1001", "Students", null, true],
        ["2001", "HR", ids.same, false],
        ["2001", "Students", ids.same, false],
        ["3001", "HR", ids.merged, false],
        ["3001", "Students", ids.merged, false],
        ["4001", "HR", ids.former, false],
      ]);
      const { rows: history } = await client.query(`SELECT person_id, field, cause, new_value FROM person_history WHERE field = 'Separation'`);
      expect(history).toEqual([
        {
          person_id: ids.mixed,
          field: "Separation",
          cause: "merge",
          new_value: { separated: { sourceSystemId: ids.students, sourceKey: "1001" }, reason: "migration: records of two sources with the same ExternalId were one person; now separated" },
        },
      ]);

      const { rows: [former] } = await client.query(`SELECT to_char(former_since, 'YYYY-MM-DD') AS former_since, no_longer_delivered_since FROM persons WHERE id = $1`, [ids.former]);
      expect(former.former_since).toBe("2026-06-30");
      expect(former.no_longer_delivered_since.toISOString()).toBe("2026-11-01T10:00:00.000Z");
      const { rows: [active] } = await client.query(`SELECT former_since, no_longer_delivered_since FROM persons WHERE id = $1`, [ids.same]);
      expect(active).toEqual({ former_since: null, no_longer_delivered_since: null });
    });
  });
});
