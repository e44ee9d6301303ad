-- AlterTable
ALTER TABLE "persons" ADD COLUMN     "no_longer_delivered_since" TIMESTAMPTZ(3);

-- Until now "former since" held the moment a person stopped being delivered (or was found
-- former): that moment moves to its own column for persons no source delivers any more.
UPDATE persons p SET no_longer_delivered_since = COALESCE(p.former_since, p.updated_at)
WHERE p.status = 'former'
  AND NOT EXISTS (SELECT 1 FROM person_sources s WHERE s.tenant_id = p.tenant_id AND s.person_id = p.id AND s.delivered);

ALTER TABLE "persons" ALTER COLUMN "former_since" SET DATA TYPE DATE USING former_since::date;

-- Former since the day the last contract ended, when every contract had ended by then.
UPDATE persons p SET former_since = ended.last_end
FROM (
  SELECT p2.id, max((c->>'EndDate')::date) AS last_end, bool_and(COALESCE(c->>'EndDate', '') ~ '^\d{4}-\d{2}-\d{2}$') AS all_end
  FROM persons p2
  CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(p2.data->'Contracts') = 'array' THEN p2.data->'Contracts' ELSE '[]'::jsonb END) AS c
  WHERE p2.status = 'former'
  GROUP BY p2.id
) ended
WHERE p.id = ended.id AND ended.all_end AND (p.former_since IS NULL OR ended.last_end < p.former_since);

-- Records of two source systems that the snapshot made one person only because both sources used
-- the same ExternalId (HR's staff number 1001 and the student system's 1001 for someone else).
-- A record belongs to its source: such a record is split off its person, and the next snapshot
-- decides it again (a person of its own, or the person its Aggregation value matches exactly).
-- Kept together: records whose Aggregation values are equal, and records an administrator merged.
CREATE TEMPORARY TABLE separated_records ON COMMIT DROP AS
WITH linked AS (
  SELECT s.id, s.tenant_id, s.person_id, s.source_system_id, s.external_id, s.mapped, s.aggregation,
         s.mapped->>'ExternalId' AS mapped_external_id, p.external_id AS person_external_id, p.primary_contract_id, src.created_at AS source_created_at
  FROM person_sources s
  JOIN persons p ON p.tenant_id = s.tenant_id AND p.id = s.person_id
  JOIN source_systems src ON src.tenant_id = s.tenant_id AND src.id = s.source_system_id
),
several AS (
  SELECT person_id FROM linked GROUP BY person_id HAVING count(DISTINCT source_system_id) > 1
),
-- The source that gave the person its ExternalId: the one holding the primary contract, else the oldest source.
owner AS (
  SELECT DISTINCT ON (l.person_id) l.person_id, l.source_system_id
  FROM linked l JOIN several USING (person_id)
  WHERE l.mapped_external_id = l.person_external_id
  ORDER BY l.person_id,
           (jsonb_typeof(l.mapped->'Contracts') = 'array' AND l.mapped->'Contracts' @> jsonb_build_array(jsonb_build_object('ExternalId', l.primary_contract_id))) DESC NULLS LAST,
           l.source_created_at, l.source_system_id
)
SELECT l.id, l.tenant_id, l.person_id, l.source_system_id, l.external_id
FROM linked l
JOIN owner o ON o.person_id = l.person_id
WHERE l.source_system_id <> o.source_system_id
  AND l.mapped_external_id = l.person_external_id
  AND NOT EXISTS (
    SELECT 1 FROM linked same
    WHERE same.person_id = l.person_id AND same.source_system_id = o.source_system_id
      AND lower(btrim(same.aggregation)) = lower(btrim(l.aggregation)) AND btrim(l.aggregation) <> ''
  )
  AND NOT EXISTS (
    SELECT 1 FROM merge_suggestions ms WHERE ms.tenant_id = l.tenant_id AND ms.person_source_id = l.id AND ms.status = 'accepted'
  )
  AND NOT EXISTS (
    SELECT 1 FROM person_history h
    WHERE h.tenant_id = l.tenant_id AND h.person_id = l.person_id AND h.field = 'Merge'
      AND h.new_value @> jsonb_build_object('merged', jsonb_build_object('sources', jsonb_build_array(jsonb_build_object('sourceSystemId', l.source_system_id, 'sourceKey', l.external_id))))
  );

INSERT INTO person_history (tenant_id, person_id, field, kind, old_value, new_value, cause, at)
SELECT r.tenant_id, r.person_id, 'Separation', 'changed', NULL,
       jsonb_build_object(
         'separated', jsonb_build_object('sourceSystemId', r.source_system_id, 'sourceKey', r.external_id),
         'reason', 'migration: records of two sources with the same ExternalId were one person; now separated'),
       'merge', now()
FROM separated_records r;

-- The next snapshot (incremental or full) decides both persons again.
UPDATE person_sources s SET person_id = NULL, pending_snapshot = true
FROM separated_records r WHERE s.id = r.id;

UPDATE person_sources s SET pending_snapshot = true
FROM (SELECT DISTINCT person_id FROM separated_records) r WHERE s.person_id = r.person_id;
