-- CreateEnum
CREATE TYPE "ConnectorType" AS ENUM ('csv', 'http_json', 'script');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('queued', 'running', 'blocked', 'failed', 'completed', 'superseded');

-- CreateEnum
CREATE TYPE "PersonStatus" AS ENUM ('active', 'future', 'former');

-- CreateEnum
CREATE TYPE "HistoryCause" AS ENUM ('import', 'configuration', 'merge', 'manual');

-- CreateEnum
CREATE TYPE "MergeSuggestionStatus" AS ENUM ('open', 'accepted', 'rejected');

-- CreateTable
CREATE TABLE "source_systems" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "connector_type" "ConnectorType" NOT NULL,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "secrets" BYTEA,
    "mapping" JSONB NOT NULL DEFAULT '{"person":{},"contract":{}}',
    "thresholds" JSONB NOT NULL DEFAULT '{}',
    "schedule" JSONB,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "source_systems_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "source_uploads" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "source_system_id" UUID NOT NULL,
    "role" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "content" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "source_uploads_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "imports" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "source_system_id" UUID NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'queued',
    "trigger" TEXT NOT NULL,
    "requested_by" TEXT,
    "counts" JSONB NOT NULL DEFAULT '{}',
    "progress" JSONB NOT NULL DEFAULT '{}',
    "error" TEXT,
    "warnings" JSONB NOT NULL DEFAULT '[]',
    "threshold_report" JSONB,
    "upload_ids" TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "approved_at" TIMESTAMPTZ(3),
    "approved_by" TEXT,

    CONSTRAINT "imports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "raw_records" (
    "id" BIGSERIAL NOT NULL,
    "tenant_id" UUID NOT NULL,
    "import_id" UUID NOT NULL,
    "source_system_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "source_key" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "search_text" TEXT NOT NULL,

    CONSTRAINT "raw_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person_sources" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "person_id" UUID,
    "source_system_id" UUID NOT NULL,
    "external_id" TEXT NOT NULL,
    "mapped" JSONB,
    "blocked_reasons" TEXT[],
    "aggregation" TEXT,
    "delivered" BOOLEAN NOT NULL DEFAULT true,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "person_sources_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "persons" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "external_id" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "status" "PersonStatus" NOT NULL,
    "excluded" BOOLEAN NOT NULL DEFAULT false,
    "data" JSONB NOT NULL,
    "primary_contract_id" TEXT,
    "department_id" TEXT,
    "manager_person_id" UUID,
    "source_system_ids" TEXT[],
    "search_text" TEXT NOT NULL,
    "pending_merge" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "former_since" TIMESTAMPTZ(3),

    CONSTRAINT "persons_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "departments" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "source_system_id" UUID NOT NULL,
    "external_id" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "manager_external_id" TEXT,
    "parent_external_id" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "departments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person_history" (
    "id" BIGSERIAL NOT NULL,
    "tenant_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "field" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "old_value" JSONB,
    "new_value" JSONB,
    "cause" "HistoryCause" NOT NULL,
    "snapshot_id" UUID,
    "import_id" UUID,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "person_history_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "snapshots" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "cause" "HistoryCause" NOT NULL,
    "import_id" UUID,
    "status" TEXT NOT NULL DEFAULT 'running',
    "counts" JSONB NOT NULL DEFAULT '{}',
    "error" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "snapshots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "merge_suggestions" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "person_source_id" UUID NOT NULL,
    "candidate_person_id" UUID NOT NULL,
    "score" INTEGER NOT NULL,
    "status" "MergeSuggestionStatus" NOT NULL DEFAULT 'open',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_at" TIMESTAMPTZ(3),
    "decided_by" TEXT,

    CONSTRAINT "merge_suggestions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "source_systems_tenant_id_idx" ON "source_systems"("tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "source_systems_tenant_id_name_key" ON "source_systems"("tenant_id", "name");

-- CreateIndex
CREATE INDEX "source_uploads_tenant_id_source_system_id_created_at_idx" ON "source_uploads"("tenant_id", "source_system_id", "created_at");

-- CreateIndex
CREATE INDEX "imports_tenant_id_source_system_id_created_at_idx" ON "imports"("tenant_id", "source_system_id", "created_at");

-- CreateIndex
CREATE INDEX "raw_records_tenant_id_import_id_kind_source_key_idx" ON "raw_records"("tenant_id", "import_id", "kind", "source_key");

-- CreateIndex
CREATE INDEX "raw_records_tenant_id_source_system_id_source_key_idx" ON "raw_records"("tenant_id", "source_system_id", "source_key");

-- CreateIndex
CREATE INDEX "person_sources_tenant_id_person_id_idx" ON "person_sources"("tenant_id", "person_id");

-- CreateIndex
CREATE INDEX "person_sources_tenant_id_aggregation_idx" ON "person_sources"("tenant_id", "aggregation");

-- CreateIndex
CREATE UNIQUE INDEX "person_sources_tenant_id_source_system_id_external_id_key" ON "person_sources"("tenant_id", "source_system_id", "external_id");

-- CreateIndex
CREATE INDEX "persons_tenant_id_status_idx" ON "persons"("tenant_id", "status");

-- CreateIndex
CREATE INDEX "persons_tenant_id_department_id_idx" ON "persons"("tenant_id", "department_id");

-- CreateIndex
CREATE UNIQUE INDEX "persons_tenant_id_external_id_key" ON "persons"("tenant_id", "external_id");

-- CreateIndex
CREATE UNIQUE INDEX "departments_tenant_id_external_id_key" ON "departments"("tenant_id", "external_id");

-- CreateIndex
CREATE INDEX "person_history_tenant_id_person_id_at_idx" ON "person_history"("tenant_id", "person_id", "at");

-- CreateIndex
CREATE INDEX "snapshots_tenant_id_started_at_idx" ON "snapshots"("tenant_id", "started_at");

-- CreateIndex
CREATE INDEX "merge_suggestions_tenant_id_status_idx" ON "merge_suggestions"("tenant_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "merge_suggestions_tenant_id_person_source_id_candidate_pers_key" ON "merge_suggestions"("tenant_id", "person_source_id", "candidate_person_id");

-- AddForeignKey
ALTER TABLE "imports" ADD CONSTRAINT "imports_source_system_id_fkey" FOREIGN KEY ("source_system_id") REFERENCES "source_systems"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "person_sources" ADD CONSTRAINT "person_sources_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- =============================================================================================
-- HAND-WRITTEN PART (not described by schema.prisma): row-level security for the tenant-owned
-- tables above. Same policy as in the init migration: rows of the transaction's tenant only.
-- =============================================================================================
DO $$
DECLARE
  table_name text;
BEGIN
  FOREACH table_name IN ARRAY ARRAY[
    'source_systems', 'source_uploads', 'imports', 'raw_records', 'person_sources', 'persons',
    'departments', 'person_history', 'snapshots', 'merge_suggestions'
  ] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', table_name);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', table_name);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I FOR ALL USING (tenant_id = app_current_tenant_id()) WITH CHECK (tenant_id = app_current_tenant_id())',
      table_name
    );
  END LOOP;
END $$;

-- History is evidence, like the audit log: the application appends and reads it.
REVOKE UPDATE, DELETE, TRUNCATE ON person_history FROM idlife_app;
