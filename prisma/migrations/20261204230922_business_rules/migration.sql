-- CreateEnum
CREATE TYPE "RuleVersionState" AS ENUM ('draft', 'published', 'superseded');

-- CreateTable
CREATE TABLE "business_rules" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "categories" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "business_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "business_rule_versions" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "rule_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "state" "RuleVersionState" NOT NULL,
    "definition" JSONB NOT NULL,
    "test_cases" JSONB NOT NULL DEFAULT '[]',
    "created_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),
    "published_by" TEXT,

    CONSTRAINT "business_rule_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evaluations" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "mode" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "draft_version_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "person_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "everyone" BOOLEAN NOT NULL DEFAULT true,
    "today" DATE NOT NULL,
    "counts" JSONB NOT NULL DEFAULT '{}',
    "error" TEXT,
    "requested_by" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "evaluations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evaluation_changes" (
    "id" BIGSERIAL NOT NULL,
    "tenant_id" UUID NOT NULL,
    "evaluation_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "target_system_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "permission" JSONB,
    "reasons" JSONB NOT NULL DEFAULT '[]',
    "why" TEXT NOT NULL,
    "step" INTEGER NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'planned',
    "block_reason" TEXT,
    "action_id" UUID,

    CONSTRAINT "evaluation_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person_exclusions" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "created_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "person_exclusions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person_holds" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "created_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lifted_at" TIMESTAMPTZ(3),
    "lifted_by" TEXT,

    CONSTRAINT "person_holds_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "business_rules_tenant_id_idx" ON "business_rules"("tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "business_rules_tenant_id_name_key" ON "business_rules"("tenant_id", "name");

-- CreateIndex
CREATE INDEX "business_rule_versions_tenant_id_state_idx" ON "business_rule_versions"("tenant_id", "state");

-- CreateIndex
CREATE UNIQUE INDEX "business_rule_versions_rule_id_version_key" ON "business_rule_versions"("rule_id", "version");

-- CreateIndex
CREATE INDEX "evaluations_tenant_id_created_at_idx" ON "evaluations"("tenant_id", "created_at");

-- CreateIndex
CREATE INDEX "evaluation_changes_evaluation_id_person_id_idx" ON "evaluation_changes"("evaluation_id", "person_id");

-- CreateIndex
CREATE INDEX "evaluation_changes_tenant_id_person_id_idx" ON "evaluation_changes"("tenant_id", "person_id");

-- CreateIndex
CREATE UNIQUE INDEX "person_exclusions_tenant_id_person_id_key" ON "person_exclusions"("tenant_id", "person_id");

-- CreateIndex
CREATE INDEX "person_holds_tenant_id_person_id_idx" ON "person_holds"("tenant_id", "person_id");

-- AddForeignKey
ALTER TABLE "business_rule_versions" ADD CONSTRAINT "business_rule_versions_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "business_rules"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluation_changes" ADD CONSTRAINT "evaluation_changes_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- =============================================================================================
-- HAND-WRITTEN PART (see the init migration): row-level security for the tenant-owned tables above.
-- =============================================================================================
SELECT app_isolate_tenant_tables(
  'business_rules', 'business_rule_versions', 'evaluations', 'evaluation_changes', 'person_exclusions', 'person_holds'
);
