-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateIndex
CREATE INDEX "persons_tenant_id_display_name_id_idx" ON "persons"("tenant_id", "display_name", "id");

-- CreateIndex
CREATE INDEX "persons_search_text_idx" ON "persons" USING GIN ("search_text" gin_trgm_ops);

-- Under row-level security PostgreSQL uses an index for a condition only when the condition's
-- function is LEAKPROOF (it could otherwise reveal rows the policy hides, through an error). LIKE's
-- function is not marked so, although its only errors come from the pattern, never from the rows
-- it reads; without this the trigram index above is never used for the application role, and every
-- search reads all of the tenant's persons. Marking it needs a superuser (the owner role postgres,
-- here and in docker-compose). Without one the migration goes on: search stays correct, only slower.
-- A major-version upgrade (pg_upgrade) resets the mark; run this statement again after one.
DO $$ BEGIN
  ALTER FUNCTION pg_catalog.textlike(text, text) LEAKPROOF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'textlike could not be marked LEAKPROOF (needs a superuser): person search will not use its trigram index';
END $$;
