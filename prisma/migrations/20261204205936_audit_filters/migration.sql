-- AlterTable
ALTER TABLE "audit_entries" ADD COLUMN     "target_label" TEXT;

-- CreateIndex
CREATE INDEX "audit_entries_tenant_id_sequence_idx" ON "audit_entries"("tenant_id", "sequence");

-- CreateIndex
CREATE INDEX "audit_entries_tenant_id_action_sequence_idx" ON "audit_entries"("tenant_id", "action", "sequence");

-- CreateIndex
CREATE INDEX "audit_entries_tenant_id_actor_id_sequence_idx" ON "audit_entries"("tenant_id", "actor_id", "sequence");

-- CreateIndex
CREATE INDEX "audit_entries_tenant_id_target_type_target_id_sequence_idx" ON "audit_entries"("tenant_id", "target_type", "target_id", "sequence");
