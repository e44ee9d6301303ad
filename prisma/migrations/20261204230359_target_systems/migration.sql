-- CreateEnum
CREATE TYPE "TargetActionKind" AS ENUM ('create_account', 'update_account', 'enable_account', 'disable_account', 'delete_account', 'grant_permission', 'revoke_permission');

-- CreateEnum
CREATE TYPE "TargetActionState" AS ENUM ('planned', 'running', 'succeeded', 'failed', 'blocked', 'skipped');

-- CreateEnum
CREATE TYPE "AccountManagedBy" AS ENUM ('created', 'correlated');

-- CreateTable
CREATE TABLE "target_systems" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "connector_type" TEXT NOT NULL,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "secrets" BYTEA,
    "field_mapping" JSONB NOT NULL DEFAULT '[]',
    "correlation" JSONB,
    "container" JSONB,
    "password_policy" JSONB NOT NULL DEFAULT '{}',
    "uses_account_data_from" UUID[] DEFAULT ARRAY[]::UUID[],
    "concurrency" INTEGER NOT NULL DEFAULT 4,
    "rate_per_second" INTEGER,
    "paused_until" TIMESTAMPTZ(3),
    "pause_reason" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "target_systems_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "target_accounts" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "target_system_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "reference" TEXT,
    "location" TEXT,
    "managed_by" "AccountManagedBy" NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "data" JSONB NOT NULL DEFAULT '{}',
    "deleted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "target_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "target_permissions" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "target_system_id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "description" TEXT,
    "gone_at" TIMESTAMPTZ(3),
    "refreshed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "target_permissions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "entitlements" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "target_system_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "permission_id" UUID NOT NULL,
    "granted_by" JSONB NOT NULL,
    "granted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "entitlements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "target_actions" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "target_system_id" UUID NOT NULL,
    "person_id" UUID,
    "kind" "TargetActionKind" NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "idempotency_key" TEXT NOT NULL,
    "state" "TargetActionState" NOT NULL DEFAULT 'planned',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "run_after" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "error" TEXT,
    "result" JSONB,
    "requested_by" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "target_actions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "target_reserved_values" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "target_system_id" UUID NOT NULL,
    "attribute" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "person_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "target_reserved_values_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inventory_accounts" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "target_system_id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "location" TEXT,
    "display_name" TEXT,
    "enabled" BOOLEAN NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL,
    "person_id" UUID,
    "read_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "inventory_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "target_systems_tenant_id_idx" ON "target_systems"("tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "target_systems_tenant_id_name_key" ON "target_systems"("tenant_id", "name");

-- CreateIndex
CREATE INDEX "target_accounts_tenant_id_person_id_idx" ON "target_accounts"("tenant_id", "person_id");

-- CreateIndex
CREATE INDEX "target_accounts_target_system_id_reference_idx" ON "target_accounts"("target_system_id", "reference");

-- CreateIndex
CREATE UNIQUE INDEX "target_accounts_target_system_id_person_id_key" ON "target_accounts"("target_system_id", "person_id");

-- CreateIndex
CREATE INDEX "target_permissions_tenant_id_target_system_id_idx" ON "target_permissions"("tenant_id", "target_system_id");

-- CreateIndex
CREATE UNIQUE INDEX "target_permissions_target_system_id_reference_key" ON "target_permissions"("target_system_id", "reference");

-- CreateIndex
CREATE INDEX "entitlements_tenant_id_person_id_idx" ON "entitlements"("tenant_id", "person_id");

-- CreateIndex
CREATE UNIQUE INDEX "entitlements_target_system_id_person_id_permission_id_key" ON "entitlements"("target_system_id", "person_id", "permission_id");

-- CreateIndex
CREATE INDEX "target_actions_target_system_id_state_run_after_idx" ON "target_actions"("target_system_id", "state", "run_after");

-- CreateIndex
CREATE INDEX "target_actions_tenant_id_person_id_created_at_idx" ON "target_actions"("tenant_id", "person_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "target_actions_tenant_id_idempotency_key_key" ON "target_actions"("tenant_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "target_reserved_values_tenant_id_person_id_idx" ON "target_reserved_values"("tenant_id", "person_id");

-- CreateIndex
CREATE UNIQUE INDEX "target_reserved_values_target_system_id_attribute_value_key" ON "target_reserved_values"("target_system_id", "attribute", "value");

-- CreateIndex
CREATE INDEX "inventory_accounts_tenant_id_target_system_id_status_idx" ON "inventory_accounts"("tenant_id", "target_system_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "inventory_accounts_target_system_id_reference_key" ON "inventory_accounts"("target_system_id", "reference");

-- AddForeignKey
ALTER TABLE "target_accounts" ADD CONSTRAINT "target_accounts_target_system_id_fkey" FOREIGN KEY ("target_system_id") REFERENCES "target_systems"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target_permissions" ADD CONSTRAINT "target_permissions_target_system_id_fkey" FOREIGN KEY ("target_system_id") REFERENCES "target_systems"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target_actions" ADD CONSTRAINT "target_actions_target_system_id_fkey" FOREIGN KEY ("target_system_id") REFERENCES "target_systems"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- =============================================================================================
-- HAND-WRITTEN PART (see the init migration): row-level security for the tenant-owned tables above.
-- =============================================================================================
SELECT app_isolate_tenant_tables(
  'target_systems', 'target_accounts', 'target_permissions', 'entitlements', 'target_actions',
  'target_reserved_values', 'inventory_accounts'
);
