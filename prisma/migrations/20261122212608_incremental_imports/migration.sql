-- DropIndex
DROP INDEX "raw_records_tenant_id_import_id_kind_source_key_idx";

-- DropIndex
DROP INDEX "raw_records_tenant_id_source_system_id_source_key_idx";

-- AlterTable
ALTER TABLE "imports" ADD COLUMN     "raw_seq" BIGINT;

-- AlterTable
ALTER TABLE "raw_records" ADD COLUMN     "hash" TEXT,
ADD COLUMN     "valid_from" BIGINT,
ADD COLUMN     "valid_to" BIGINT;

-- Raw data becomes versioned (written by hand). Each import that stored raw data gets a
-- position from raw_records_id_seq, in the order the imports were made; the rows it stored are its
-- own full copy, valid from its position until the next import of the same source that stored
-- raw data. Later imports store only what changed.
WITH stored AS (
  SELECT i.id, i.source_system_id, i.created_at
  FROM imports i
  WHERE EXISTS (SELECT 1 FROM raw_records r WHERE r.import_id = i.id)
  ORDER BY i.created_at, i.id
), numbered AS (
  SELECT id, nextval('raw_records_id_seq') AS seq FROM stored
)
UPDATE imports i SET raw_seq = numbered.seq FROM numbered WHERE numbered.id = i.id;

WITH positions AS (
  SELECT id, raw_seq, lead(raw_seq) OVER (PARTITION BY source_system_id ORDER BY raw_seq) AS next_seq
  FROM imports WHERE raw_seq IS NOT NULL
)
UPDATE raw_records r SET valid_from = p.raw_seq, valid_to = p.next_seq FROM positions p WHERE p.id = r.import_id;

ALTER TABLE "raw_records" ALTER COLUMN "valid_from" SET NOT NULL;

-- AlterTable
ALTER TABLE "person_sources" ADD COLUMN     "aggregation_block" TEXT,
ADD COLUMN     "mapping_hash" TEXT,
ADD COLUMN     "pending_snapshot" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "raw_hash" TEXT;

-- AlterTable
ALTER TABLE "persons" ADD COLUMN     "manager_external_id" TEXT;
UPDATE persons SET manager_external_id = data #>> '{PrimaryManager,ExternalId}';

-- AlterTable
ALTER TABLE "snapshots" ADD COLUMN     "basis" TEXT,
ADD COLUMN     "mode" TEXT;

-- CreateIndex
CREATE INDEX "raw_records_tenant_id_source_system_id_kind_source_key_idx" ON "raw_records"("tenant_id", "source_system_id", "kind", "source_key");

-- CreateIndex
CREATE INDEX "raw_records_tenant_id_import_id_idx" ON "raw_records"("tenant_id", "import_id");

-- CreateIndex
CREATE INDEX "person_sources_tenant_id_pending_snapshot_idx" ON "person_sources"("tenant_id", "pending_snapshot");

-- CreateIndex
CREATE INDEX "person_sources_tenant_id_aggregation_block_idx" ON "person_sources"("tenant_id", "aggregation_block");

-- CreateIndex
CREATE INDEX "persons_tenant_id_manager_external_id_idx" ON "persons"("tenant_id", "manager_external_id");

-- Written by hand: aggregation_block is filled by the application (it needs the same Unicode
-- normalisation as matching); existing snapshots get no basis, so the next snapshot decides every
-- person and fills it in.
