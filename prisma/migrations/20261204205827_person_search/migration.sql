-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateIndex
CREATE INDEX "persons_tenant_id_display_name_id_idx" ON "persons"("tenant_id", "display_name", "id");

-- CreateIndex
CREATE INDEX "persons_search_text_idx" ON "persons" USING GIN ("search_text" gin_trgm_ops);
