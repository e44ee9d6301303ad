-- AlterTable
ALTER TABLE "imports" ADD COLUMN     "raw_removed_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "raw_records_tenant_id_source_system_id_valid_to_idx" ON "raw_records"("tenant_id", "source_system_id", "valid_to");
